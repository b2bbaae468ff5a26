using System.Security.Claims;
using Clinic.Domain.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace Clinic.Web.Auth;

/// <summary>Turns the signed-in user of this circuit or request into the <see cref="Actor"/> use cases check.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor?> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return From(state.User);
    }

    public static Actor? From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
            return null;
        return new Actor(id, user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());
    }

    /// <summary>The first role's home page, or the landing page for visitors.</summary>
    public static string HomePath(ClaimsPrincipal user) =>
        ClinicRoles.All.FirstOrDefault(user.IsInRole) is { } role ? ClinicRoles.HomePath(role) : "/";
}
