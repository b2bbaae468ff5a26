using Clinic.Data.Identity;
using Clinic.Data.Persistence;
using Clinic.Data.Team;
using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Events;
using Clinic.Domain.Identity;
using Clinic.Domain.Patients;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Patients;

/// <summary>A patient the front desk records: name, phone, date of birth, and an email only if they have one.</summary>
public sealed record NewPatientRecord(string FullName, string Phone, DateOnly? DateOfBirth, string? Email);

/// <summary>Someone already on file who may be the same person, and why they look alike.</summary>
public sealed record LikelyDuplicate(string UserId, string FullName, DateOnly? DateOfBirth, string? Phone, string Why);

/// <summary>What the invitation email needs: the link to choose a password is made from the token.</summary>
public sealed record PatientInvitation(string UserId, string FullName, string Email, string PasswordToken);

/// <summary>
/// Walk-ins and phone bookings: owner and staff record a patient without an account (no password, email
/// optional) and book for them like anyone else; later an invitation lets the patient choose a password,
/// and the account they sign in to is that same record, history and all. A likely duplicate (the same
/// name and date of birth, or the same phone) is pointed out before anything is saved.
/// </summary>
public sealed class PatientRecords(IdentityWork identity, TimeProvider clock)
{
    public const string ClinicOnly = "Only the clinic's owner and staff record patients.";
    public const string EmailInUse = "That email already belongs to an account. Find that patient instead.";

    public async Task<IReadOnlyList<LikelyDuplicate>> LikelyDuplicatesAsync(NewPatientRecord record, CancellationToken cancellationToken = default) =>
        await identity.RunAsync((_, db) => DuplicatesAsync(db, record, cancellationToken));

    /// <summary>The new record's id; refused with <see cref="RefusalCodes.PossibleDuplicate"/> and the look-alikes unless <paramref name="despiteLookAlikes"/>.</summary>
    public Task<Result<string>> CreateAsync(AppointmentActor by, NewPatientRecord record, bool despiteLookAlikes, CancellationToken cancellationToken = default) =>
        identity.RunAsync(async (users, db) =>
        {
            if (!by.IsClinic)
                return Result<string>.Refused(RefusalCodes.Forbidden, ClinicOnly);
            var details = new PersonDetails(record.FullName ?? "", record.Phone ?? "", record.DateOfBirth);
            var errors = details.Validate(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).ToList();
            var email = string.IsNullOrWhiteSpace(record.Email) ? null : record.Email.Trim();
            if (email is not null && !TeamAdministration.IsEmail(email))
                errors.Add("Enter a valid email address, or leave it empty.");
            if (errors.Count > 0)
                return Result<string>.Failure([.. errors]);
            if (email is not null && await users.FindByEmailAsync(email) is not null)
                return Result<string>.Failure(EmailInUse);
            if (!despiteLookAlikes && await DuplicatesAsync(db, record, cancellationToken) is { Count: > 0 } lookAlikes)
                return Result<string>.Refused(RefusalCodes.PossibleDuplicate,
                    string.Join(" ", lookAlikes.Select(d => $"{d.FullName} is already on file ({d.Why}).")) + " Open that file, or create a new one anyway.");

            var user = new ClinicUser
            {
                // No email, no password: nobody can sign in to it until the patient is invited and chooses one.
                UserName = email ?? $"walk-in-{Guid.NewGuid():N}",
                Email = email,
                FullName = details.FullName.Trim(),
                PhoneNumber = details.Phone.Trim(),
                DateOfBirth = details.DateOfBirth,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
                return Result<string>.Failure(created.Errors());
            var inRole = await users.AddToRoleAsync(user, ClinicRoles.Patient);
            if (!inRole.Succeeded)
                return Result<string>.Failure(inRole.Errors());
            db.Announce(new PatientChanged(user.Id));
            await transaction.CommitAsync(cancellationToken);
            return Result<string>.Ok(user.Id);
        });

    /// <summary>
    /// Gives a patient without an account the email to sign in with and a token to choose a password.
    /// The clinic vouches for the address as it does for its own team: only its reader can use the link.
    /// </summary>
    public Task<Result<PatientInvitation>> InviteAsync(AppointmentActor by, string patientUserId, string? email, CancellationToken cancellationToken = default) =>
        identity.RunAsync(async (users, db) =>
        {
            if (!by.IsClinic)
                return Result<PatientInvitation>.Refused(RefusalCodes.Forbidden, ClinicOnly);
            var user = await users.FindByIdAsync(patientUserId);
            if (user is null || !await users.IsInRoleAsync(user, ClinicRoles.Patient))
                return Result<PatientInvitation>.Refused(RefusalCodes.NotFound, PatientFiles.NotYours);
            if (await users.HasPasswordAsync(user))
                return Result<PatientInvitation>.Failure($"{user.FullName} already has an account.");
            var address = email?.Trim();
            if (!TeamAdministration.IsEmail(address))
                return Result<PatientInvitation>.Failure("Enter the email address the patient will sign in with.");
            if (await users.FindByEmailAsync(address!) is { } other && other.Id != user.Id)
                return Result<PatientInvitation>.Failure(EmailInUse);
            (user.Email, user.UserName, user.EmailConfirmed) = (address, address, true);
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
                return Result<PatientInvitation>.Failure(updated.Errors());
            db.Announce(new PatientChanged(user.Id));
            await db.SaveChangesAsync(cancellationToken);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            return Result<PatientInvitation>.Ok(new PatientInvitation(user.Id, user.FullName, address!, token));
        });

    private static async Task<IReadOnlyList<LikelyDuplicate>> DuplicatesAsync(ClinicDbContext db, NewPatientRecord record, CancellationToken cancellationToken)
    {
        var name = (record.FullName ?? "").Trim().ToLower();
        var digits = new string([.. (record.Phone ?? "").Where(char.IsAsciiDigit)]);
        if (name.Length == 0 && digits.Length < 6)
            return [];
        var born = record.DateOfBirth;
        var candidates = await (from user in Identity.RoleMembers.Patients(db)
                                where ((born != null && user.DateOfBirth == born && user.FullName.ToLower() == name)
                                        || (digits.Length >= 6 && user.PhoneNumber != null && user.PhoneNumber.Replace(" ", "").Replace("-", "").Replace("+", "").EndsWith(digits.Length > 10 ? digits.Substring(digits.Length - 10) : digits)))
                                select new { user.Id, user.FullName, user.DateOfBirth, user.PhoneNumber })
            .Take(5).ToListAsync(cancellationToken);
        return [.. candidates.Select(c => new LikelyDuplicate(c.Id, c.FullName, c.DateOfBirth, c.PhoneNumber,
            born != null && c.DateOfBirth == born && c.FullName.Equals(name, StringComparison.OrdinalIgnoreCase) ? "same name and date of birth" : "same phone"))];
    }
}
