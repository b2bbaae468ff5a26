using Clinic.Data.Backups;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clinic.Web.Health;

/// <summary>Degraded while the latest nightly copy of the database failed: the clinic works, but its data has no fresh copy.</summary>
public sealed class BackupHealthCheck(BackupStatus status, DatabaseBackups backups) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!backups.Applies ? HealthCheckResult.Healthy("PostgreSQL is backed up with its own tools.")
            : status.Failure is { } failed
            ? HealthCheckResult.Degraded($"The nightly copy of the database failed at {failed.AtUtc:u} ({failed.Reason}); it is tried again every hour.")
            : HealthCheckResult.Healthy(status.LastCopyUtc is { } last ? $"The last nightly copy was made at {last:u}." : "No nightly copy made since the app started."));
}
