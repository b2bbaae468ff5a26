using System.Net.Mail;
using Clinic.Data.Identity;
using Clinic.Data.Persistence;
using Clinic.Domain.Common;
using Clinic.Domain.Doctors;
using Clinic.Domain.Events;
using Clinic.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Team;

/// <summary>The owner's work on the team: create Staff and Doctor accounts, edit doctors, deactivate.</summary>
public sealed class TeamAdministration(
    IdentityWork identity,
    IDbContextFactory<ClinicDbContext> contexts,
    TimeProvider clock)
{
    private const string OwnerOnly = "Only the clinic owner can manage the team.";

    public async Task<IReadOnlyList<TeamMember>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsOwner)
            return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var members = await (
            from user in db.Users.AsNoTracking()
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == ClinicRoles.Staff || role.Name == ClinicRoles.Doctor
            join doctor in db.Doctors on user.Id equals doctor.UserId into doctors
            from doctor in doctors.DefaultIfEmpty()
            select new TeamMember(user.Id, user.FullName, user.Email ?? "", role.Name!, user.IsActive, doctor == null ? null : doctor.Id)
            {
                BranchId = doctor == null ? user.BranchId : doctor.BranchId,
            })
            .ToListAsync(cancellationToken);
        return [.. members.OrderBy(m => m.Role).ThenBy(m => m.FullName)];
    }

    public async Task<Result<TeamInvitation>> CreateAsync(Actor actor, NewTeamMember member, CancellationToken cancellationToken = default)
    {
        if (!actor.IsOwner)
            return Result<TeamInvitation>.Failure(OwnerOnly);
        var errors = Validate(member);
        if (errors.Count > 0)
            return Result<TeamInvitation>.Failure([.. errors]);

        var result = await identity.RunAsync(async (users, db) =>
        {
            var email = member.Email.Trim();
            if (await users.FindByEmailAsync(email) is not null)
                return Result<TeamInvitation>.Failure($"An account with the email {email} already exists.");
            var clinicId = await db.Clinics.Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (clinicId is null)
                return Result<TeamInvitation>.Failure("Set up the clinic before adding its team.");

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var user = new ClinicUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = member.FullName.Trim(),
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
                return Result<TeamInvitation>.Failure(created.Errors());
            var inRole = await users.AddToRoleAsync(user, member.Role);
            if (!inRole.Succeeded)
                return Result<TeamInvitation>.Failure(inRole.Errors());
            if (member.Doctor is not null)
            {
                var branch = await BranchAsync(db, member.Doctor.BranchId, cancellationToken);
                if (member.Doctor.BranchId is not null && branch is null)
                    return Result<TeamInvitation>.Failure(BranchGone);
                var profile = DoctorProfile.Create(user.Id, clinicId.Value, member.Doctor with { FullName = user.FullName });
                if (!profile.Succeeded)
                    return Result<TeamInvitation>.From(profile);
                profile.Value!.WorkAt(branch);
                db.Doctors.Add(profile.Value!);
                await db.SaveChangesAsync(cancellationToken);
            }
            var token = await users.GeneratePasswordResetTokenAsync(user);
            db.Announce(new TeamChanged(user.Id));
            await transaction.CommitAsync(cancellationToken);
            return Result<TeamInvitation>.Ok(new TeamInvitation(user.Id, email, user.FullName, token));
        });

        return result;
    }

    public async Task<DoctorProfileDetails?> GetDoctorAsync(Actor actor, Guid doctorId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsOwner)
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var doctor = await db.Doctors.AsNoTracking().FirstOrDefaultAsync(d => d.Id == doctorId, cancellationToken);
        return doctor?.Details;
    }

    public async Task<Result> UpdateDoctorAsync(Actor actor, Guid doctorId, DoctorProfileDetails details, CancellationToken cancellationToken = default)
    {
        if (!actor.IsOwner)
            return Result.Failure(OwnerOnly);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var doctor = await db.Doctors.FirstOrDefaultAsync(d => d.Id == doctorId, cancellationToken);
        if (doctor is null)
            return Result.Failure("That doctor no longer exists.");
        var branch = await BranchAsync(db, details.BranchId, cancellationToken);
        if (details.BranchId is not null && branch is null)
            return Result.Failure(BranchGone);
        var updated = doctor.Update(branch is null ? details : details with { PracticeAddress = branch.Address });
        if (!updated.Succeeded)
            return updated;
        doctor.WorkAt(branch);
        var user = await db.Users.FirstAsync(u => u.Id == doctor.UserId, cancellationToken);
        user.FullName = doctor.FullName;
        // A doctor who now works somewhere else: their patients hear where their coming visits are.
        await Notifications.VisitPlaceNoticeWriter.WriteAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    private const string BranchGone = "That branch no longer exists; choose another.";

    private static async Task<Clinic.Domain.Branches.Branch?> BranchAsync(ClinicDbContext db, Guid? branchId, CancellationToken cancellationToken) =>
        branchId is { } id ? await db.Branches.FirstOrDefaultAsync(b => b.Id == id, cancellationToken) : null;

    /// <summary>The branch whose desk a staff member works (none: the whole clinic's); owner only. A doctor's branch is set on their profile.</summary>
    public async Task<Result> SetDeskAsync(Actor actor, string userId, Guid? branchId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsOwner)
            return Result.Refused(RefusalCodes.Forbidden, OwnerOnly);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var staff = await (from user in db.Users
                           join userRole in db.UserRoles on user.Id equals userRole.UserId
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where user.Id == userId && role.Name == ClinicRoles.Staff
                           select user).FirstOrDefaultAsync(cancellationToken);
        if (staff is null)
            return Result.Refused(RefusalCodes.NotFound, "Only a staff member works at a desk; a doctor's branch is set on their profile.");
        if (branchId is not null && await BranchAsync(db, branchId, cancellationToken) is null)
            return Result.Failure(BranchGone);
        staff.BranchId = branchId;
        db.Announce(new TeamChanged(userId));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result> SetActiveAsync(Actor actor, string userId, bool active, CancellationToken cancellationToken = default)
    {
        if (!actor.IsOwner)
            return Result.Failure(OwnerOnly);
        if (userId == actor.UserId)
            return Result.Failure("You cannot deactivate your own account.");

        return await identity.RunAsync(async (users, db) =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
                return Result.Failure("That account no longer exists.");
            var roles = await users.GetRolesAsync(user);
            if (!roles.Any(ClinicRoles.TeamRoles.Contains))
                return Result.Failure("Only staff and doctor accounts are managed here.");
            user.IsActive = active;
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded)
                return Result.Failure(saved.Errors());
            // A new security stamp ends the sessions the account already has.
            await users.UpdateSecurityStampAsync(user);
            // Saved and committed above; a doctor's public card appears or disappears with the account.
            db.Announce(new TeamChanged(userId));
            if (await db.Doctors.Where(d => d.UserId == userId).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken) is { } doctorId)
                db.Announce(new DoctorProfileChanged(doctorId));
            return Result.Success;
        });
    }

    private static List<string> Validate(NewTeamMember member)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(member.FullName))
            errors.Add("Full name is required.");
        if (!IsEmail(member.Email))
            errors.Add("Enter a valid email address.");
        if (!ClinicRoles.TeamRoles.Contains(member.Role))
            errors.Add("A team member is either Staff or Doctor.");
        if (member.Role == ClinicRoles.Doctor)
        {
            if (member.Doctor is null)
                errors.Add("A doctor needs a profile.");
            else
                errors.AddRange((member.Doctor with { FullName = member.FullName }).Validate());
        }
        return [.. errors.Distinct()];
    }

    public static bool IsEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Trim().Length <= Text.MaxEmailLength && !Text.HasControlCharacters(email, allowLineBreaks: false)
        && MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim();
}
