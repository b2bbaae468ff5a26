using Clinic.Data.Backups;

namespace Clinic.Web.Configuration;

/// <summary>
/// <c>dotnet run --project Clinic.Web -- backup</c>: copies the clinic's SQLite database (and its keys
/// folder) now, as the nightly copy does, while the app may be running; then exits.
/// </summary>
public sealed record BackupCommand : IHostCommand
{
    public const string Name = "backup";

    public static (IHostCommand? Command, string[] HostArgs, string? Problem) Parse(string[] args) =>
        (new BackupCommand(), args[1..], null);

    public async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var backups = services.GetRequiredService<DatabaseBackups>();
        try
        {
            var made = await backups.MakeAsync();
            output.WriteLine($"Copied the clinic's database to {made.Folder}");
            output.WriteLine($"  {DatabaseBackups.DatabaseFileName} {BackupText.Size(made.DatabaseBytes)}, checked by SQLite; {BackupText.Count(made.KeyFiles, "key file", "key files")}");
            output.WriteLine($"  {BackupText.Count(backups.Copies().Count, "copy", "copies")} kept in {backups.Folder}{(made.Removed > 0 ? $"; {made.Removed} older removed" : "")}");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            output.WriteLine($"No copy was made: {ex.Message}");
            return 1;
        }
    }
}
