using System.Linq.Expressions;
using Clinic.Data.Persistence;
using Clinic.Domain.Doctors;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Doctors;

/// <summary>The public list of the clinic's active doctors.</summary>
public sealed class DoctorDirectory(IDbContextFactory<ClinicDbContext> contexts)
{
    public async Task<IReadOnlyList<DoctorCard>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cards = await Cards(db, _ => true).ToListAsync(cancellationToken);
        return [.. cards.OrderBy(d => d.FullName, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<DoctorCard?> FindAsync(Guid doctorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Cards(db, d => d.Id == doctorId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<DoctorCard?> FindByUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Cards(db, d => d.UserId == userId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Doctors whose account is active: the only ones patients and the front desk see.</summary>
    internal static IQueryable<DoctorProfile> ActiveDoctors(ClinicDbContext db) =>
        from doctor in db.Doctors.AsNoTracking()
        join user in db.Users on doctor.UserId equals user.Id
        where user.IsActive
        select doctor;

    // Filters apply to the entity, before the projection, so EF can translate them.
    private static IQueryable<DoctorCard> Cards(ClinicDbContext db, Expression<Func<DoctorProfile, bool>> filter) =>
        from doctor in ActiveDoctors(db).Where(filter)
        join clinic in db.Clinics on doctor.ClinicId equals clinic.Id
        join branch in db.Branches on doctor.BranchId equals (Guid?)branch.Id into branches
        from branch in branches.DefaultIfEmpty()
        select new DoctorCard(
            doctor.Id, doctor.FullName, doctor.Specialization, doctor.YearsOfExperience,
            doctor.ConsultationFee, clinic.Currency, doctor.PracticeAddress, doctor.Bio, doctor.DefaultSlotMinutes)
        {
            PhotoImageId = doctor.PhotoImageId,
            BranchId = doctor.BranchId,
            BranchName = branch == null ? null : branch.Name,
        };
}
