using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Booking;

/// <summary>Turns a signed-in actor into an appointment actor: their name for the history and their doctor profile, if any.</summary>
public sealed class AppointmentActors(IDbContextFactory<ClinicDbContext> contexts)
{
    public async Task<AppointmentActor> ResolveAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken);
        var doctorId = actor.IsIn(ClinicRoles.Doctor)
            ? await db.Doctors.Where(d => d.UserId == actor.UserId).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new AppointmentActor(actor, string.IsNullOrWhiteSpace(name) ? "Unknown" : name, doctorId);
    }
}
