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
public sealed class PatientAccounts(IdentityWork identity, IDbContextFactory<ClinicDbContext> contexts, IClinicEvents events, TimeProvider clock)
{
    public async Task<Result<string>> RegisterAsync(PatientRegistration registration, CancellationToken cancellationToken = default)
    {
        var errors = registration.Details.Validate(Today).ToList();
        if (!TeamAdministration.IsEmail(registration.Email))
            errors.Insert(0, "Enter a valid email address.");
        if (errors.Count > 0)
            return Result<string>.Failure([.. errors]);

        var result = await identity.RunAsync(async (users, db) =>
        {
            var email = registration.Email.Trim();
            if (await users.FindByEmailAsync(email) is not null)
                return Result<string>.Failure($"An account with the email {email} already exists. Sign in or reset your password.");
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var user = new ClinicUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            Apply(user, registration.Details);
            var created = await users.CreateAsync(user, registration.Password);
            if (!created.Succeeded)
                return Result<string>.Failure(created.Errors());
            var inRole = await users.AddToRoleAsync(user, ClinicRoles.Patient);
            if (!inRole.Succeeded)
                return Result<string>.Failure(inRole.Errors());
            await transaction.CommitAsync(cancellationToken);
            return Result<string>.Ok(user.Id);
        });
        if (result.Succeeded)
            events.Publish(new PatientChanged(result.Value!));
        return result;
    }

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
        var result = await identity.RunAsync(async (users, _) =>
        {
            var user = await users.FindByIdAsync(actor.UserId);
            if (user is null)
                return Result.Failure("Your account no longer exists.");
            Apply(user, details);
            var saved = await users.UpdateAsync(user);
            return saved.Succeeded ? Result.Success : Result.Failure(saved.Errors());
        });
        if (result.Succeeded)
            events.Publish(new PatientChanged(actor.UserId));
        return result;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static void Apply(ClinicUser user, PersonDetails details)
    {
        user.FullName = details.FullName.Trim();
        user.PhoneNumber = details.Phone.Trim();
        user.DateOfBirth = details.DateOfBirth;
    }
}
