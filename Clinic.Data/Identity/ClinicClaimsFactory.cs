using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clinic.Data.Identity;

/// <summary>Adds the person's full name to the sign-in cookie, so pages can greet them without a query.</summary>
public sealed class ClinicClaimsFactory(UserManager<ClinicUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ClinicUser, IdentityRole>(users, roles, options)
{
    public const string FullNameClaim = "clinic:full_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ClinicUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.FullName))
            identity.AddClaim(new Claim(FullNameClaim, user.FullName));
        return identity;
    }
}
