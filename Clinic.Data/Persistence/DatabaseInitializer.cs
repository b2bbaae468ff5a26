using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Persistence;

/// <summary>Brings the database to the current schema at start-up.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<ClinicDbContext> contexts)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            var file = db.Database.GetDbConnection().DataSource;
            var folder = Path.GetDirectoryName(file);
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer commits; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
    }
}
