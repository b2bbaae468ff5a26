using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Data.Persistence;

/// <summary>Leases a context of the configured engine from its pool; use cases only ever see <see cref="ClinicDbContext"/>.</summary>
internal sealed class ClinicDbContextFactory(IServiceProvider services, IOptions<StorageOptions> storage, AfterCommit afterCommit) : IDbContextFactory<ClinicDbContext>
{
    private readonly Func<ClinicDbContext> lease = storage.Value.Provider == StorageProviders.Postgres
        ? services.GetRequiredService<IDbContextFactory<PostgresClinicDbContext>>().CreateDbContext
        : services.GetRequiredService<IDbContextFactory<SqliteClinicDbContext>>().CreateDbContext;

    public ClinicDbContext CreateDbContext()
    {
        var context = lease();
        context.AfterCommit = afterCommit;
        // No use case goes on with a transaction after a failed save (a lost seat race starts a fresh
        // one), so the savepoint EF would set and release around every save is two statements for nothing.
        context.Database.AutoSavepointsEnabled = false;
        return context;
    }
}
