using Clinic.Data.Persistence;
using Clinic.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Overview;

/// <summary>The services the clinic offers, for the booking form.</summary>
public sealed class ServiceCatalog(IDbContextFactory<ClinicDbContext> contexts)
{
    public async Task<IReadOnlyList<MedicalService>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Services.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
    }
}
