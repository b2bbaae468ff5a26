using Clinic.Data.Backups;
using Clinic.Data.Persistence;
using Clinic.Web.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Clinic.Tests.Web;

/// <summary>Monitoring sees a failed nightly copy as Degraded (the clinic works; its data has no fresh copy) until a copy is made again.</summary>
public sealed class BackupHealthCheckTests
{
    private static BackupHealthCheck Check(BackupStatus status, string provider = StorageProviders.Sqlite) =>
        new(status, new DatabaseBackups(Options.Create(new StorageOptions { Provider = provider }), Options.Create(new BackupOptions()), status, TimeProvider.System));

    [Fact]
    public async Task A_failed_copy_degrades_health_until_the_next_copy_is_made()
    {
        var status = new BackupStatus();
        var night = new DateTime(2026, 11, 23, 20, 30, 0, DateTimeKind.Utc);

        (await Check(status).CheckHealthAsync(new HealthCheckContext())).Status.Should().Be(HealthStatus.Healthy, "no copy was due yet");
        status.Failed(night, "No space left on device");
        var failed = await Check(status).CheckHealthAsync(new HealthCheckContext());
        status.Copied(night.AddHours(1));
        var mended = await Check(status).CheckHealthAsync(new HealthCheckContext());

        failed.Status.Should().Be(HealthStatus.Degraded);
        failed.Description.Should().Contain("No space left on device").And.Contain("2026-11-23 20:30:00Z");
        mended.Status.Should().Be(HealthStatus.Healthy);
        mended.Description.Should().Contain("2026-11-23 21:30:00Z");
    }

    [Fact]
    public async Task On_PostgreSQL_the_app_s_copies_are_not_its_concern()
    {
        var status = new BackupStatus();
        status.Failed(DateTime.UtcNow, "never happens on PostgreSQL");

        (await Check(status, StorageProviders.Postgres).CheckHealthAsync(new HealthCheckContext())).Status.Should().Be(HealthStatus.Healthy);
    }
}
