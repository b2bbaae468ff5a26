using System.Security.Claims;
using Clinic.Data.Booking;

namespace Clinic.Web.Api;

/// <summary>Who the token belongs to: their roles, and their doctor profile if they are a doctor.</summary>
public static class MeEndpoints
{
    public sealed record MeDto(string UserId, string Name, IReadOnlyList<string> Roles, Guid? DoctorId);

    public static void MapMe(this RouteGroupBuilder api) =>
        api.MapGet("/me", async (ClaimsPrincipal user, AppointmentActors actors, CancellationToken cancellationToken) =>
        {
            var me = await ApiCaller.AppointmentActorAsync(user, actors, cancellationToken);
            return TypedResults.Ok(new MeDto(me.UserId, me.Name, [.. me.Actor.Roles.Order()], me.DoctorId));
        })
        .WithTags("Sign-in").WithSummary("The signed-in caller");
}
