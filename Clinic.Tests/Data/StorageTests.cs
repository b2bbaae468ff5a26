using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Tests.Data;

public sealed class StorageTests : IAsyncLifetime
{
    private readonly DataHarness harness = new(seedDemo: false, new Dictionary<string, string?> { ["Clinic:Storage:BusyTimeoutSeconds"] = "12" });

    public Task InitializeAsync() => harness.InitializeAsync();
    public Task DisposeAsync() => harness.DisposeAsync();

    private async Task<string> PragmaAsync(string name)
    {
        await using var db = await harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync())!;
    }

    [Fact, Trait("Engine", "Sqlite")]
    public async Task The_database_file_runs_in_write_ahead_log_mode() =>
        (await PragmaAsync("journal_mode")).Should().Be("wal");

    [Fact, Trait("Engine", "Sqlite")]
    public async Task Every_connection_waits_the_configured_time_for_another_writer() =>
        (await PragmaAsync("busy_timeout")).Should().Be("12000");

    [Fact]
    public async Task Migrations_leave_nothing_pending()
    {
        await using var db = await harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        db.Database.HasPendingModelChanges().Should().BeFalse("the model and the last migration must agree");
    }
}
