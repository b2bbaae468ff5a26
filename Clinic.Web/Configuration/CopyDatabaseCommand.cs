using Clinic.Data.Persistence;
using Npgsql;

namespace Clinic.Web.Configuration;

/// <summary>
/// <c>dotnet run --project Clinic.Web -- copy-database --to-postgres "CONNECTION STRING"</c>: copies
/// the clinic's SQLite database (the one its configuration names) into an empty PostgreSQL
/// database, then exits. The app is not started.
/// </summary>
public sealed record CopyDatabaseCommand(string TargetConnectionString) : IHostCommand
{
    public const string Name = "copy-database";

    /// <summary>The command in <paramref name="args"/> and the arguments left for the host, or null when the app should just run.</summary>
    public static (IHostCommand? Command, string[] HostArgs, string? Problem) Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != Name)
            return (null, args, null);
        var target = args.Length > 2 && args[1] == "--to-postgres" ? args[2] : null;
        if (string.IsNullOrWhiteSpace(target))
            return (null, [], $"Usage: {Name} --to-postgres \"Host=...;Database=...;Username=...;Password=...\"");
        return (new CopyDatabaseCommand(target), args[3..], null);
    }

    public async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var target = new NpgsqlConnectionStringBuilder(TargetConnectionString);
        output.WriteLine($"Copying the clinic's SQLite database into PostgreSQL database '{target.Database}' on {target.Host}...");
        try
        {
            var copied = await services.GetRequiredService<DatabaseCopier>().CopyToPostgresAsync(TargetConnectionString);
            foreach (var (table, rows) in copied.Tables.Where(t => t.Rows > 0))
                output.WriteLine($"  {table,-28} {rows,8} rows");
            output.WriteLine($"Done: {copied.Rows} rows in {copied.Tables.Count} tables. Now set Clinic:Storage:Provider=Postgres and ConnectionStrings:Clinic to this database.");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or NpgsqlException)
        {
            output.WriteLine($"Nothing was copied: {ex.Message}");
            return 1;
        }
    }
}
