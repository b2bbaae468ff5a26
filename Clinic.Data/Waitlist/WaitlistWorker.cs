using Clinic.Data.Persistence;
using Clinic.Domain.Waitlist;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Data.Waitlist;

/// <summary>
/// Offers freed seats as soon as a use case signals a doctor, lets lapsed offers go when their
/// hold ends, and sweeps every doctor with a waiting list at each poll in case a signal was lost
/// (for instance when the app restarted between a cancellation and its offer).
/// </summary>
public sealed class WaitlistWorker(WaitlistService waitlist, WaitlistSignal signal, IOptions<WaitlistOptions> options, TimeProvider clock,
    IDbContextFactory<ClinicDbContext> contexts, ILogger<WaitlistWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                // Between sweeps, offer only for the doctors the use cases name.
                while (await WaitForSignalAsync(stoppingToken))
                {
                    await waitlist.LapseExpiredOffersAsync(stoppingToken);
                    var doctorIds = new HashSet<Guid>();
                    while (signal.Reader.TryRead(out var doctorId))
                        doctorIds.Add(doctorId);
                    foreach (var doctorId in doctorIds)
                        await waitlist.OfferFreedSeatsAsync(doctorId, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The waitlist worker failed a pass; it tries again at the next poll.");
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        await waitlist.LapseExpiredOffersAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var doctors = await db.Waitlist.Where(e => e.Status == WaitlistStatus.Waiting).Select(e => e.DoctorId).Distinct().ToListAsync(cancellationToken);
        foreach (var doctorId in doctors)
            await waitlist.OfferFreedSeatsAsync(doctorId, cancellationToken);
    }

    /// <summary>True when a doctor was signalled; false when the next offer lapses or the poll interval ends first (time to sweep).</summary>
    private async Task<bool> WaitForSignalAsync(CancellationToken cancellationToken)
    {
        var wait = options.Value.PollInterval;
        if (await waitlist.NextLapseAsync(cancellationToken) is { } lapse)
        {
            var untilLapse = lapse - clock.GetUtcNow().UtcDateTime;
            wait = untilLapse < wait ? (untilLapse > TimeSpan.Zero ? untilLapse : TimeSpan.Zero) : wait;
        }
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = signal.Reader.WaitToReadAsync(either.Token).AsTask();
        var elapsed = Task.Delay(wait, clock, either.Token);
        var first = await Task.WhenAny(signalled, elapsed);
        await either.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return first == signalled && signalled.IsCompletedSuccessfully;
    }
}
