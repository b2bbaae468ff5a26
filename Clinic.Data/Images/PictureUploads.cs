using Clinic.Data.Persistence;
using Clinic.Domain.Common;
using Clinic.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Images;

/// <summary>
/// The clinic's logo (the owner) and a doctor's photo (the owner, or the doctor themselves):
/// checked, resized, stored with the clinic's data, and the one they replace removed.
/// </summary>
public sealed class PictureUploads(IDbContextFactory<ClinicDbContext> contexts, TimeProvider clock)
{
    public const int LogoBox = 256;
    public const int PhotoBox = 400;

    public async Task<Result<string>> ChangeLogoAsync(Actor by, byte[] upload, CancellationToken cancellationToken = default)
    {
        if (!by.IsOwner)
            return Result<string>.Refused(RefusalCodes.Forbidden, "Only the owner can change the clinic's logo.");
        var picture = PictureResizer.Fit(upload, LogoBox, keepTransparency: true);
        if (!picture.Succeeded)
            return Result<string>.From(picture);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = await db.Clinics.OrderBy(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        if (clinic is null)
            return Result<string>.Failure("The clinic has not been set up yet.");
        var stored = Store(db, picture.Value!);
        await RemoveAsync(db, clinic.LogoImageId, cancellationToken);
        clinic.ChangeLogo(stored.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Result<string>.Ok(StoredImage.UrlOf(stored.Id));
    }

    public async Task<Result<string>> ChangeDoctorPhotoAsync(Actor by, Guid doctorId, byte[] upload, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var doctor = await db.Doctors.FirstOrDefaultAsync(d => d.Id == doctorId, cancellationToken);
        if (doctor is null)
            return Result<string>.Refused(RefusalCodes.NotFound, "No such doctor.");
        if (!by.IsOwner && doctor.UserId != by.UserId)
            return Result<string>.Refused(RefusalCodes.Forbidden, "Only the owner or the doctor can change a doctor's photo.");
        var picture = PictureResizer.Fit(upload, PhotoBox, keepTransparency: false);
        if (!picture.Succeeded)
            return Result<string>.From(picture);
        var stored = Store(db, picture.Value!);
        await RemoveAsync(db, doctor.PhotoImageId, cancellationToken);
        doctor.ChangePhoto(stored.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Result<string>.Ok(StoredImage.UrlOf(stored.Id));
    }

    /// <summary>The picture behind an address, or null.</summary>
    public async Task<StoredImage?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
    }

    private StoredImage Store(ClinicDbContext db, PictureResizer.Picture picture)
    {
        var stored = StoredImage.Create(picture.ContentType, picture.Bytes, picture.Width, picture.Height, clock.GetUtcNow().UtcDateTime);
        db.Images.Add(stored);
        return stored;
    }

    private static async Task RemoveAsync(ClinicDbContext db, Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } old && await db.Images.FirstOrDefaultAsync(i => i.Id == old, cancellationToken) is { } image)
            db.Images.Remove(image);
    }
}
