using Clinic.Data.Identity;
using Clinic.Domain.Clinics;
using Clinic.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Data.Seeding;

/// <summary>
/// Creates the clinic and its owner from <see cref="ClinicSetupOptions"/> when they do not exist yet.
/// Runs at every start and changes nothing once the clinic is set up.
/// </summary>
public sealed class InitialSetup(IdentityWork identity, IOptions<ClinicSetupOptions> options, TimeProvider clock, ILogger<InitialSetup> logger)
{
    public Task RunAsync() => identity.RunAsync(async (users, db) =>
    {
        var setup = options.Value;
        if (!await db.Clinics.AnyAsync())
        {
            if (string.IsNullOrWhiteSpace(setup.ClinicName))
            {
                logger.LogWarning("No clinic is set up. Set Clinic:Setup:ClinicName, Address and TimeZone to create it.");
                return;
            }
            var clinic = ClinicLocation.Create(setup.ClinicName, setup.Address ?? "", setup.TimeZone, setup.Currency);
            if (!clinic.Succeeded)
                throw new InvalidOperationException($"Clinic:Setup is invalid: {clinic.Error}");
            db.Clinics.Add(clinic.Value!);
            await db.SaveChangesAsync();
            logger.LogInformation("Created the clinic {Clinic}.", clinic.Value!.Name);
        }

        if ((await users.GetUsersInRoleAsync(ClinicRoles.Owner)).Count > 0)
            return;
        if (string.IsNullOrWhiteSpace(setup.OwnerEmail) || string.IsNullOrWhiteSpace(setup.OwnerPassword))
        {
            logger.LogWarning("The clinic has no owner. Set Clinic:Setup:OwnerEmail and Clinic__Setup__OwnerPassword to create one.");
            return;
        }
        var owner = new ClinicUser
        {
            UserName = setup.OwnerEmail,
            Email = setup.OwnerEmail,
            EmailConfirmed = true,
            FullName = setup.OwnerName ?? "Clinic owner",
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(owner, setup.OwnerPassword);
        if (!created.Succeeded)
            throw new InvalidOperationException($"Could not create the owner: {string.Join(" ", created.Errors())}");
        await users.AddToRoleAsync(owner, ClinicRoles.Owner);
        logger.LogInformation("Created the owner account {Email}.", owner.Email);
    });
}
