using Clinic.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clinic.Web.Auth;

/// <summary>Identity's sign-in manager, refusing accounts the owner has deactivated.</summary>
public sealed class ActiveAccountSignInManager(
    UserManager<ClinicUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ClinicUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ClinicUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ClinicUser> confirmation)
    : SignInManager<ClinicUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ClinicUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override async Task<ClinicUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsActive: true } ? user : null;
    }
}
