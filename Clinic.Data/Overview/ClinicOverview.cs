using Clinic.Data.Persistence;
using Clinic.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Overview;

/// <summary>Reads the clinic and its head counts. Null until the clinic has been set up.</summary>
public sealed class ClinicOverview(IDbContextFactory<ClinicDbContext> contexts)
{
    public async Task<ClinicSummary?> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = await db.Clinics.AsNoTracking().OrderBy(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        if (clinic is null)
            return null;

        var activeByRole = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            join user in db.Users on userRole.UserId equals user.Id
            where user.IsActive
            group userRole by role.Name into byRole
            select new { Role = byRole.Key, Count = byRole.Count() })
            .ToDictionaryAsync(r => r.Role ?? string.Empty, r => r.Count, cancellationToken);

        var services = await db.Services.CountAsync(s => s.ClinicId == clinic.Id, cancellationToken);
        return new ClinicSummary(
            clinic.Id, clinic.Name, clinic.Address, clinic.TimeZoneId, clinic.Currency,
            activeByRole.GetValueOrDefault(ClinicRoles.Doctor),
            activeByRole.GetValueOrDefault(ClinicRoles.Staff),
            activeByRole.GetValueOrDefault(ClinicRoles.Patient),
            services)
        {
            Phone = clinic.Phone,
            Email = clinic.Email,
            OpeningHours = clinic.OpeningHours,
            Language = clinic.Language,
            LogoUrl = clinic.LogoImageId is { } logo ? Clinic.Data.Images.StoredImage.UrlOf(logo) : null,
        };
    }
}
