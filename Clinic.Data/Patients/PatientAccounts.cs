using Clinic.Data.Identity;
using Clinic.Data.Persistence;
using Clinic.Data.Team;
using Clinic.Domain.Common;
using Clinic.Domain.Events;
using Clinic.Domain.Identity;
using Clinic.Domain.Patients;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Patients;

/// <summary>Patients register themselves and keep their own details up to date.</summary>
public sealed class PatientAccounts(IdentityWork identity, IDbContextFactory<ClinicDbContext> contexts, TimeProvider clock)
{
    /// <summary>
    /// A new account waits for its owner to confirm the email; an email that already has an account
    /// gets the same outcome shape (and the same work: one password hash) with no token, so the page
    /// answers alike and the existing owner is told by mail instead of the stranger on the page.
    /// </summary>
    public async Task<Result<PatientRegistered>> RegisterAsync(PatientRegistration registration, CancellationToken cancellationToken = default)
    {
        var errors = registration.Details.Validate(Today).ToList();
        if (!TeamAdministration.IsEmail(registration.Email))
            errors.Insert(0, "Enter a valid email address (at most 254 characters).");
        if (errors.Count > 0)
            return Result<PatientRegistered>.Failure([.. errors]);

        var result = await identity.RunAsync(async (users, db) =>
        {
            var email = registration.Email.Trim();
            var user = new ClinicUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = false,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                Language = registration.Language,
            };
            Apply(user, registration.Details);
            // The password is judged before anyone looks for the email, so its refusals are the same for both.
            var refusals = new List<string>();
            foreach (var validator in users.PasswordValidators)
                refusals.AddRange((await validator.ValidateAsync(users, user, registration.Password)).Errors());
            if (refusals.Count > 0)
                return Result<PatientRegistered>.Failure([.. refusals]);

            if (await users.FindByEmailAsync(email) is { } existing)
            {
                users.PasswordHasher.HashPassword(user, registration.Password);
                return Result<PatientRegistered>.Ok(new PatientRegistered(existing.Id, existing.FullName, email, ConfirmationToken: null));
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var created = await users.CreateAsync(user, registration.Password);
            if (!created.Succeeded)
                return Result<PatientRegistered>.Failure(created.Errors());
            var inRole = await users.AddToRoleAsync(user, ClinicRoles.Patient);
            if (!inRole.Succeeded)
                return Result<PatientRegistered>.Failure(inRole.Errors());
            db.Announce(new PatientChanged(user.Id));
            await transaction.CommitAsync(cancellationToken);
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            return Result<PatientRegistered>.Ok(new PatientRegistered(user.Id, user.FullName, email, token));
        });
        return result;
    }

    /// <summary>The link in the confirmation email: confirms the address so the patient can sign in.</summary>
    public Task<Result<string>> ConfirmEmailAsync(string userId, string token) => identity.RunAsync(async (users, _) =>
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !user.IsActive)
            return Result<string>.Failure("This confirmation link is not valid.");
        if (user.EmailConfirmed)
            return Result<string>.Ok(user.Id);
        var confirmed = await users.ConfirmEmailAsync(user, token);
        return confirmed.Succeeded
            ? Result<string>.Ok(user.Id)
            : Result<string>.Failure("This confirmation link is not valid or has expired. Register again to get a new one.");
    });

    public async Task<PatientProfile?> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == actor.UserId, cancellationToken);
        return user is null
            ? null
            : new PatientProfile(user.Id, user.Email ?? "", new PersonDetails(user.FullName, user.PhoneNumber ?? "", user.DateOfBirth));
    }

    /// <summary>A person edits their own details; nobody edits someone else's through this.</summary>
    public async Task<Result> UpdateAsync(Actor actor, PersonDetails details, CancellationToken cancellationToken = default)
    {
        var errors = details.Validate(Today);
        if (errors.Count > 0)
            return Result.From(errors);
        return await identity.RunAsync(async (users, db) =>
        {
            var user = await users.FindByIdAsync(actor.UserId);
            if (user is null)
                return Result.Failure("Your account no longer exists.");
            Apply(user, details);
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded)
                return Result.Failure(saved.Errors());
            db.Announce(new PatientChanged(actor.UserId)); // saved (and committed) above
            return Result.Success;
        });
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static void Apply(ClinicUser user, PersonDetails details)
    {
        user.FullName = details.FullName.Trim();
        user.PhoneNumber = details.Phone.Trim();
        user.DateOfBirth = details.DateOfBirth;
    }
}
