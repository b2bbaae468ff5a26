using Clinic.Data.Persistence;
using Clinic.Domain.Branches;
using Clinic.Domain.Common;
using Clinic.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Branches;

/// <summary>
/// The clinic's branches: everyone may list them (patients choose doctors by branch, the front desk
/// works one branch's day); the owner adds, changes and removes them. Which doctor works where is
/// set on the doctor (<see cref="Team.TeamAdministration"/>).
/// </summary>
public sealed class BranchAdministration(IDbContextFactory<ClinicDbContext> contexts, TimeProvider clock)
{
    public const string OwnerOnly = "Only the owner can change the clinic's branches.";
    public const string Gone = "That branch no longer exists.";

    /// <summary>Every branch by name, with the names of its active doctors.</summary>
    public async Task<IReadOnlyList<BranchView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var branches = await db.Branches.AsNoTracking().ToListAsync(cancellationToken);
        var doctors = await (
            from doctor in Doctors.DoctorDirectory.ActiveDoctors(db)
            where doctor.BranchId != null
            select new { BranchId = doctor.BranchId!.Value, doctor.Id, doctor.FullName })
            .ToListAsync(cancellationToken);
        return [.. branches
            .OrderBy(b => b.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(b => new BranchView(b.Id, b.Name, b.Address, b.Phone, b.OpeningHours,
                [.. doctors.Where(d => d.BranchId == b.Id).Select(d => d.Id)],
                [.. doctors.Where(d => d.BranchId == b.Id).Select(d => d.FullName).Order(StringComparer.CurrentCultureIgnoreCase)]))];
    }

    /// <summary>The branch whose desk this person works, if any: where their front desk, requests and agenda open.</summary>
    public async Task<Guid?> DeskOfAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.BranchId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Adds a branch (<paramref name="id"/> null) or changes one; owner only. A branch that moves
    /// takes its doctors' addresses with it in the same commit.
    /// </summary>
    public async Task<Result<Guid>> SaveAsync(Actor by, Guid? id, BranchDetails details, CancellationToken cancellationToken = default)
    {
        if (!by.IsOwner)
            return Result<Guid>.Refused(RefusalCodes.Forbidden, OwnerOnly);
        if (details.Problems() is { Count: > 0 } problems)
            return Result<Guid>.Failure([.. problems]);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = details.Name.Trim();
        if (await db.Branches.AnyAsync(b => b.Id != id && b.Name.ToLower() == name.ToLower(), cancellationToken))
            return Result<Guid>.Failure($"There is already a branch called \"{name}\".");

        Branch branch;
        if (id is { } existing)
        {
            var found = await db.Branches.FirstOrDefaultAsync(b => b.Id == existing, cancellationToken);
            if (found is null)
                return Result<Guid>.Refused(RefusalCodes.NotFound, Gone);
            found.Update(details);
            foreach (var doctor in await db.Doctors.Where(d => d.BranchId == existing).ToListAsync(cancellationToken))
                doctor.WorkAt(found);
            // A branch that moved: its doctors' patients hear where their coming visits are now.
            await Notifications.VisitPlaceNoticeWriter.WriteAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
            branch = found;
        }
        else
        {
            var clinicId = await db.Clinics.OrderBy(c => c.Name).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (clinicId is null)
                return Result<Guid>.Failure("Set up the clinic before adding its branches.");
            branch = Branch.Create(clinicId.Value, details).Value!;
            db.Branches.Add(branch);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(branch.Id);
    }

    /// <summary>Removes a branch nobody works at any more; owner only.</summary>
    public async Task<Result> RemoveAsync(Actor by, Guid id, CancellationToken cancellationToken = default)
    {
        if (!by.IsOwner)
            return Result.Refused(RefusalCodes.Forbidden, OwnerOnly);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var branch = await db.Branches.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (branch is null)
            return Result.Refused(RefusalCodes.NotFound, Gone);
        // Inactive doctors count too: their past visits still say where they were.
        var doctors = await db.Doctors.Where(d => d.BranchId == id).Select(d => d.FullName).ToListAsync(cancellationToken);
        if (doctors.Count > 0)
            return Result.Failure($"{string.Join(", ", doctors.Order())} {(doctors.Count == 1 ? "works" : "work")} at {branch.Name}: move them to another branch first.");
        db.Branches.Remove(branch);
        db.Announce(new Clinic.Domain.Events.ClinicProfileChanged());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }
}
