using Clinic.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clinic.Web.Auth;

/// <summary>
/// Identity's sign-in manager, refusing accounts the owner has deactivated, and doing the same work
/// for every refusal: an unknown email, a locked or deactivated account and a wrong password all
/// verify one password hash, so neither the answer nor its time tells which emails have accounts.
/// </summary>
public sealed class ActiveAccountSignInManager(
    UserManager<ClinicUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ClinicUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ClinicUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ClinicUser> confirmation,
    IOptions<Clinic.Web.Security.SecurityOptions> security,
    DecoyPassword decoy,
    TimeProvider clock)
    : SignInManager<ClinicUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ClinicUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override async Task<ClinicUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsActive: true } ? user : null;
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure) =>
        (await RefuseAlikeAsync(userName, password, user => PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure))).Result;

    /// <summary>Checks an email and password without signing in (the API issues its own tokens), with lockout.</summary>
    public Task<(SignInResult Result, ClinicUser? User)> CheckCredentialsAsync(string email, string password) =>
        RefuseAlikeAsync(email, password, user => CheckPasswordSignInAsync(user, password, lockoutOnFailure: true));

    /// <summary>
    /// The one path of every sign-in by email: an unknown email verifies the decoy hash, and every
    /// refusal is held to one floor, since a wrong password on a real account also records the failure
    /// (a database write) that an unknown email does not.
    /// </summary>
    private async Task<(SignInResult Result, ClinicUser? User)> RefuseAlikeAsync(string email, string password, Func<ClinicUser, Task<SignInResult>> check)
    {
        var started = clock.GetTimestamp();
        var user = await UserManager.FindByNameAsync(email);
        var result = SignInResult.Failed;
        if (user is null)
            decoy.Verify(UserManager.PasswordHasher, user, password);
        else
            result = await check(user);
        var left = security.Value.RefusedSignInTakes - clock.GetElapsedTime(started);
        if (!result.Succeeded && left > TimeSpan.Zero)
            await Task.Delay(left, clock);
        return (result, result.Succeeded ? user : null);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ClinicUser user, string password, bool lockoutOnFailure)
    {
        // Identity refuses a locked or deactivated account before it looks at the password, which
        // answers faster than for an open account: look at it anyway, and keep the refusal.
        if (await PreSignInCheck(user) is { } refused)
        {
            decoy.Verify(UserManager.PasswordHasher, user, password);
            return refused;
        }
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }
}
