using Clinic.Data.Booking;
using Clinic.Domain.Appointments;
using Clinic.Web.Auth;

namespace Clinic.Web.Components.Appointments;

/// <summary>The signed-in person of this circuit as the appointment use cases see them, resolved once.</summary>
public sealed class ActingUser(CurrentActor current, AppointmentActors actors)
{
    private AppointmentActor? resolved;

    public async Task<AppointmentActor?> GetAsync()
    {
        if (resolved is not null)
            return resolved;
        var actor = await current.GetAsync();
        return actor is null ? null : resolved = await actors.ResolveAsync(actor);
    }
}
