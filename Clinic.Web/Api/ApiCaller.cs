using System.Security.Claims;
using Clinic.Data.Booking;
using Clinic.Domain.Appointments;
using Clinic.Domain.Identity;
using Clinic.Web.Auth;

namespace Clinic.Web.Api;

/// <summary>The person behind a bearer token, as the use cases check them: the same Actor the pages use.</summary>
public static class ApiCaller
{
    public static Actor Actor(ClaimsPrincipal user) =>
        CurrentActor.From(user) ?? throw new InvalidOperationException("An authorized API endpoint ran without a signed-in user.");

    public static Task<AppointmentActor> AppointmentActorAsync(ClaimsPrincipal user, AppointmentActors actors, CancellationToken cancellationToken) =>
        actors.ResolveAsync(Actor(user), cancellationToken);
}
