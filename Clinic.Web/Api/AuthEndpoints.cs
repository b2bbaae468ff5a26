using Clinic.Data.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clinic.Web.Api;

/// <summary>
/// Identity bearer tokens for API clients: sign in with email and password for an access token
/// (one hour) and a refresh token (14 days). Only login and refresh are offered: accounts are
/// created the way the pages create them (patients register, the owner invites), with a role.
/// </summary>
public static class AuthEndpoints
{
    public static void MapAuth(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Sign-in").AllowAnonymous();

        auth.MapPost("/login", async (LoginRequest login, SignInManager<ClinicUser> signIn) =>
        {
            if (string.IsNullOrWhiteSpace(login.Email) || string.IsNullOrEmpty(login.Password))
                return ApiProblems.Fields(new Dictionary<string, string[]> { ["email"] = ["Give the email and the password."] });
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(login.Email.Trim(), login.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
                return Results.Empty; // the bearer handler has written the tokens
            return TypedResults.Problem(
                detail: result.IsLockedOut ? "Too many wrong passwords: the account is locked for 15 minutes." : "Wrong email or password, or the account is deactivated.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in refused", type: "urn:clinic:problem:sign_in_refused",
                extensions: new Dictionary<string, object?> { ["code"] = "sign_in_refused" });
        })
        .WithSummary("Sign in: returns an access token and a refresh token")
        .Produces<AccessTokenResponse>()
        .ProducesProblem(StatusCodes.Status401Unauthorized);

        auth.MapPost("/refresh", async (RefreshRequest request, SignInManager<ClinicUser> signIn, IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock) =>
        {
            var protector = options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
            var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
            // A deactivated account, a changed password or an expired token gets no new access.
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
                return Results.Challenge(authenticationSchemes: [IdentityConstants.BearerScheme]);
            return Results.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
        })
        .WithSummary("Trade a refresh token for new tokens")
        .Produces<AccessTokenResponse>()
        .Produces(StatusCodes.Status401Unauthorized);
    }
}
