using System.Collections.Concurrent;
using System.Security.Claims;
using Clinic.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clinic.Web.Auth;

/// <summary>How often a bearer token's account is looked at again. Section <c>Clinic:Security:Sessions</c>.</summary>
public sealed class SessionCheckOptions
{
    public const string Section = "Clinic:Security:Sessions";

    /// <summary>
    /// An access token stops working at most this long after its account is deactivated or its password
    /// changes (the same minute cookies get from Identity's security stamp check).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Clinic:Security:Sessions:RecheckEvery must be between 0 and 1 hour.")]
    public TimeSpan RecheckEvery { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Identity's bearer tokens are self-contained: left alone, one stays valid for its hour after the
/// account is deactivated or the password is changed. This compares the token's security stamp with
/// the account's, remembering the answer per account for <see cref="SessionCheckOptions.RecheckEvery"/>.
/// </summary>
public sealed class BearerSessionCheck(IServiceScopeFactory scopes, IOptions<SessionCheckOptions> options, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (string? Stamp, bool Active, DateTimeOffset Until)> accounts = new();

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null)
            return false;
        var now = clock.GetUtcNow();
        if (!accounts.TryGetValue(userId, out var known) || known.Until <= now)
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
            var user = await users.FindByIdAsync(userId);
            known = (user is null ? null : await users.GetSecurityStampAsync(user), user?.IsActive == true, now + options.Value.RecheckEvery);
            accounts[userId] = known;
        }
        return known.Active && known.Stamp == stamp;
    }
}
