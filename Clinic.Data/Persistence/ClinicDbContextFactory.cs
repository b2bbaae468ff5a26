using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clinic.Data.Persistence;

/// <summary>Creates the context of the configured engine; use cases only ever see <see cref="ClinicDbContext"/>.</summary>
internal sealed class ClinicDbContextFactory(DbContextOptions<ClinicDbContext> options, IOptions<StorageOptions> storage, AfterCommit afterCommit) : IDbContextFactory<ClinicDbContext>
{
    private readonly bool postgres = storage.Value.Provider == StorageProviders.Postgres;

    public ClinicDbContext CreateDbContext()
    {
        ClinicDbContext context = postgres ? new PostgresClinicDbContext(options) : new SqliteClinicDbContext(options);
        context.AfterCommit = afterCommit;
        // No use case goes on with a transaction after a failed save (a lost seat race starts a fresh
        // one), so the savepoint EF would set and release around every save is two statements for nothing.
        context.Database.AutoSavepointsEnabled = false;
        return context;
    }
}
