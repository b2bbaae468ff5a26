using Clinic.Data.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Clinic.Tests.Support;

/// <summary>
/// A fresh, empty clinic database for one test host: a SQLite file in the test's folder, or, when
/// the suite runs on PostgreSQL (<c>CLINIC_TEST_PROVIDER=Postgres</c>, set by <c>./test.sh</c>),
/// a database of its own on the throwaway cluster <c>./test.sh</c> started, dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? postgresName;

    private TestDatabase(string provider, IReadOnlyDictionary<string, string?> settings, string? postgresName, string? connectionString)
    {
        Provider = provider;
        Settings = settings;
        this.postgresName = postgresName;
        ConnectionString = connectionString;
    }

    public string Provider { get; }

    /// <summary>The configuration that points the app at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>PostgreSQL's connection string; null on SQLite.</summary>
    public string? ConnectionString { get; }

    public bool IsPostgres => Provider == StorageProviders.Postgres;

    /// <summary>The engine this run of the suite tests: SQLite unless <c>CLINIC_TEST_PROVIDER=Postgres</c>.</summary>
    public static string SuiteProvider =>
        Environment.GetEnvironmentVariable("CLINIC_TEST_PROVIDER") is { Length: > 0 } named ? named : StorageProviders.Sqlite;

    /// <summary>The PostgreSQL server <c>./test.sh</c> started. Tests that need it fail, never skip, without it.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("CLINIC_TEST_POSTGRES") is { Length: > 0 } server ? server
            : throw new InvalidOperationException(
                "This test needs PostgreSQL: run ./test.sh, which starts a throwaway cluster and sets CLINIC_TEST_POSTGRES " +
                "(or set it yourself to a server's connection string, e.g. Host=127.0.0.1;Port=5432;Username=postgres).");

    public static TestDatabase Create(string folder) => Create(folder, SuiteProvider);

    public static TestDatabase Create(string folder, string provider)
    {
        if (provider == StorageProviders.Sqlite)
            return new TestDatabase(provider, new Dictionary<string, string?>
            {
                ["Clinic:Storage:Provider"] = StorageProviders.Sqlite,
                ["Clinic:Storage:SqlitePath"] = Path.Combine(folder, "clinic.db"),
            }, null, null);
        var name = $"clinic_test_{Guid.NewGuid():N}";
        PostgresTemplate.CreateDatabaseFromTemplate(name);
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString();
        return new TestDatabase(provider, new Dictionary<string, string?>
        {
            ["Clinic:Storage:Provider"] = StorageProviders.Postgres,
            ["ConnectionStrings:Clinic"] = connectionString,
        }, name, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresName is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }
        await using (var connection = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(connection);
        await PostgresTemplate.ExecuteAsync($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)");
    }

    /// <summary>
    /// Migrating 40 tables for every test would cost a second each: the schema is migrated once per
    /// test run into a template, and each test's database is a copy of it (PostgreSQL copies files).
    /// </summary>
    private static class PostgresTemplate
    {
        private static readonly string Name = $"clinic_template_{Environment.ProcessId}";
        private static readonly Lock Gate = new();
        private static bool ready;

        public static void CreateDatabaseFromTemplate(string name)
        {
            lock (Gate)
            {
                if (!ready)
                {
                    Execute($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
                    Execute($"CREATE DATABASE \"{Name}\"");
                    var template = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = Name, Pooling = false }.ToString();
                    using (var db = new PostgresClinicDbContext(new DbContextOptionsBuilder<ClinicDbContext>().UseNpgsql(template).Options))
                        db.Database.Migrate();
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
                    ready = true;
                }
                Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{Name}\"");
            }
        }

        public static void Execute(string sql) => ExecuteAsync(sql).GetAwaiter().GetResult();

        public static async Task ExecuteAsync(string sql)
        {
            var server = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ToString();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
