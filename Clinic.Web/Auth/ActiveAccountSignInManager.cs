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
    IUserConfirmation<ClinicUser> confirmation)
    : SignInManager<ClinicUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // A hash of a random password, made once with the app's own hasher (same algorithm, same cost).
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<ClinicUser>().HashPassword(new ClinicUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    public override async Task<bool> CanSignInAsync(ClinicUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override async Task<ClinicUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsActive: true } ? user : null;
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            VerifyDecoy(user, password);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    /// <summary>Checks an email and password without signing in (the API issues its own tokens), with lockout.</summary>
    public async Task<(SignInResult Result, ClinicUser? User)> CheckCredentialsAsync(string email, string password)
    {
        var user = await UserManager.FindByNameAsync(email);
        if (user is null)
        {
            VerifyDecoy(user, password);
            return (SignInResult.Failed, null);
        }
        var result = await CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return (result, result.Succeeded ? user : null);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ClinicUser user, string password, bool lockoutOnFailure)
    {
        // Identity refuses a locked or deactivated account before it looks at the password, which
        // answers faster than for an open account: look at it anyway, and keep the refusal.
        if (await PreSignInCheck(user) is { } refused)
        {
            VerifyDecoy(user, password);
            return refused;
        }
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    private void VerifyDecoy(ClinicUser? user, string password) =>
        UserManager.PasswordHasher.VerifyHashedPassword(user ?? new ClinicUser(), DecoyHash.Value, password);
}
