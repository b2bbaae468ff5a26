using Clinic.Data.Images;
using Clinic.Data.Persistence;
using Clinic.Domain.Clinics;
using Clinic.Domain.Common;
using Clinic.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Overview;

/// <summary>The clinic's profile as shown everywhere, with its logo's address.</summary>
public sealed record ClinicProfileView(ClinicProfile Profile, string? LogoUrl);

/// <summary>How the clinic presents itself; the owner changes it.</summary>
public sealed class ClinicProfileEditor(IDbContextFactory<ClinicDbContext> contexts)
{
    public const string OwnerOnly = "Only the owner can change the clinic's profile.";

    public async Task<ClinicProfileView?> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = await db.Clinics.AsNoTracking().OrderBy(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        return clinic is null ? null : new ClinicProfileView(clinic.Profile, clinic.LogoImageId is { } logo ? StoredImage.UrlOf(logo) : null);
    }

    /// <summary>The language the clinic opens in (<see cref="ClinicProfile.Language"/>); English until the clinic is set up.</summary>
    public async Task<string> LanguageAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Clinics.AsNoTracking().OrderBy(c => c.Name).Select(c => c.Language).FirstOrDefaultAsync(cancellationToken) ?? ClinicProfile.English;
    }

    public async Task<Result> UpdateAsync(Actor by, ClinicProfile profile, CancellationToken cancellationToken = default)
    {
        if (!by.IsOwner)
            return Result.Refused(RefusalCodes.Forbidden, OwnerOnly);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = await db.Clinics.OrderBy(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        if (clinic is null)
            return Result.Failure("The clinic has not been set up yet.");
        var result = clinic.UpdateProfile(profile);
        if (!result.Succeeded)
            return result;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }
}
