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
        return context;
    }
}
