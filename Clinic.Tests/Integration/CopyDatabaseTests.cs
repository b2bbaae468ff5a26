using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Clinic.Tests.Integration;

/// <summary>
/// A clinic that started on SQLite moves to PostgreSQL with the documented command: every table
/// arrives (Identity included), people sign in with their passwords on the new database, and the
/// command refuses to copy into a database that already holds data.
/// </summary>
public sealed class CopyDatabaseTests(ITestOutputHelper output)
{
    private sealed class SqliteClinic : ClinicAppFactory
    {
        protected override string Provider => StorageProviders.Sqlite;
    }

    private sealed class MovedClinic(TestDatabase postgres) : ClinicAppFactory(postgres);

    private Task<(int ExitCode, string Output)> CopyAsync(string sqlitePath, string target) =>
        AppCommand.RunAsync(output, sqlitePath, "copy-database", "--to-postgres", target);

    private static async Task<Dictionary<string, int>> RowCountsAsync(ClinicDbContext db)
    {
        var counts = new Dictionary<string, int>();
        foreach (var entityType in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{entityType.GetTableName()}\"";
            if (command.Connection!.State != System.Data.ConnectionState.Open)
                await command.Connection.OpenAsync();
            counts[entityType.GetTableName()!] = Convert.ToInt32(await command.ExecuteScalarAsync());
        }
        return counts;
    }

    [Fact]
    public async Task Every_table_moves_to_an_empty_PostgreSQL_database_people_sign_in_there_and_a_second_copy_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("clinic-copy-").FullName;
        var sqliteCopy = Path.Combine(folder, "clinic.db");
        Dictionary<string, int> before;
        await using (var sqlite = new SqliteClinic())
        {
            // A clinic in use: the demo clinic, a patient who signed in (so a key ring exists) and booked.
            var client = sqlite.CreateBrowserLikeClient();
            (await client.SignInAsync("ayesha@patients.example", sqlite.DemoPassword)).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
            var api = sqlite.CreateClient();
            var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "ayesha@patients.example", password = sqlite.DemoPassword });
            api.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
            var doctors = await api.GetFromJsonAsync<JsonElement>("/api/v1/doctors");
            var doctorId = doctors.EnumerateArray().First().GetProperty("id").GetGuid();
            var week = await api.GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{doctorId}/availability?days=7");
            foreach (var slot in week.GetProperty("slots").EnumerateArray().Where(s => s.GetProperty("state").GetString() == "Available").Take(3))
                (await api.PostAsJsonAsync("/api/v1/appointments", new { doctorId, startUtc = slot.GetProperty("startUtc").GetDateTime(), note = "Copied, I hope" })).EnsureSuccessStatusCode();
            await using (var db = await sqlite.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
                before = await RowCountsAsync(db);
            // The database file with its write-ahead log, and the keys beside it, as a backup takes them.
            foreach (var file in Directory.GetFiles(sqlite.Root, "clinic.db*"))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            Directory.CreateDirectory(Path.Combine(folder, "keys"));
            foreach (var key in Directory.GetFiles(Path.Combine(sqlite.Root, "keys")))
                File.Copy(key, Path.Combine(folder, "keys", Path.GetFileName(key)));
        }
        before["Appointments"].Should().Be(3);
        before["AspNetUsers"].Should().BeGreaterThan(10);
        var keyFiles = Directory.GetFiles(Path.Combine(folder, "keys")).Length;
        keyFiles.Should().BeGreaterThan(0);
        await using var postgres = TestDatabase.Create(folder, StorageProviders.Postgres);

        var (exit, text) = await CopyAsync(sqliteCopy, postgres.ConnectionString!);

        exit.Should().Be(0, text);
        await using (var db = new PostgresClinicDbContext(new DbContextOptionsBuilder<ClinicDbContext>().UseNpgsql(postgres.ConnectionString).Options))
        {
            var after = await RowCountsAsync(db);
            after.Where(t => t.Key != "DataProtectionKeys").Should().BeEquivalentTo(before.Where(t => t.Key != "DataProtectionKeys"));
            after["DataProtectionKeys"].Should().Be(keyFiles, "the key files beside the SQLite database move into the shared table");
            // Ids PostgreSQL generates after the copy do not collide with copied ones.
            db.DataProtectionKeys.Add(new Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey { FriendlyName = "after-the-move", Xml = "<key/>" });
            await db.SaveChangesAsync();
        }
        await using (var app = new MovedClinic(postgres))
        {
            var client = app.CreateBrowserLikeClient();
            (await client.SignInAsync("ayesha@patients.example", app.DemoPassword)).RedirectPath().Should().Be("/patient", "passwords moved with the accounts");
        }

        var (again, refusal) = await CopyAsync(sqliteCopy, postgres.ConnectionString!);
        again.Should().Be(1);
        refusal.Should().Contain("already holds data").And.Contain("Nothing was copied");
    }
}
