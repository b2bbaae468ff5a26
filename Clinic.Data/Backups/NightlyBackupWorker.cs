using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Clinics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Data.Backups;

/// <summary>
/// Copies the SQLite database each night at <see cref="BackupOptions.At"/> on the clinic's clock. A
/// copy that fails is logged as an error, shown by <c>/healthz</c> and tried again every hour until one is made.
/// </summary>
public sealed class NightlyBackupWorker(DatabaseBackups backups, BackupStatus status, IDbContextFactory<ClinicDbContext> contexts, IOptions<BackupOptions> options,
    TimeProvider clock, ILogger<NightlyBackupWorker> logger) : BackgroundService
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!backups.Applies || !options.Value.Nightly)
            return;
        DateTime? retryAt = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var dueUtc = retryAt ?? ClinicTime.NextAt(clock.GetUtcNow(), options.Value.At, await ZoneAsync(stoppingToken));
                var wait = dueUtc - clock.GetUtcNow().UtcDateTime;
                var waiting = wait > TimeSpan.Zero ? Task.Delay(wait, clock, stoppingToken) : Task.CompletedTask;
                status.Due(dueUtc);
                await waiting;
                var made = await backups.MakeAsync(stoppingToken);
                retryAt = null;
                logger.LogInformation("Copied the clinic's database to {Folder} ({Megabytes:0.0} MB, {KeyFiles} key files); {Removed} older copies removed.",
                    made.Folder, made.DatabaseBytes / 1024.0 / 1024.0, made.KeyFiles, made.Removed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                retryAt = clock.GetUtcNow().UtcDateTime + RetryAfter;
                logger.LogError(ex, "The nightly copy of the clinic's database failed; it is tried again at {RetryUtc:u}.", retryAt);
            }
        }
    }

    // The clinic's own clock; before the clinic exists (a first start), UTC's.
    private async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await ScheduleData.ClinicAsync(db, cancellationToken))?.TimeZone ?? TimeZoneInfo.Utc;
    }
}
