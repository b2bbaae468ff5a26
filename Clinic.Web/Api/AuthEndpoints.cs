using System.Security.Claims;
using Clinic.Data.Identity;
using Clinic.Web.Auth;
using Clinic.Web.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clinic.Web.Api;

/// <summary>
/// Identity bearer tokens for API clients: sign in with email and password for an access token
/// (one hour) and a refresh token (14 days). Each refresh token works once and is replaced by the
/// next; a spent one presented again revokes every token of that sign-in. Only login and refresh are
/// offered: accounts are created the way the pages create them (patients register, the owner invites).
/// </summary>
public static class AuthEndpoints
{
    public static void MapAuth(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Sign-in").AllowAnonymous();

        auth.MapPost("/login", async (LoginRequest login, ActiveAccountSignInManager signIn, AccountThrottle throttle, RefreshTokens refreshTokens,
            IOptionsMonitor<BearerTokenOptions> bearer, HttpContext context) =>
        {
            if (string.IsNullOrWhiteSpace(login.Email) || string.IsNullOrEmpty(login.Password)
                || login.Email.Length > Clinic.Domain.Common.Text.MaxEmailLength || login.Password.Length > Clinic.Domain.Identity.PasswordRules.MaxLength)
                return ApiProblems.Fields(new Dictionary<string, string[]> { ["email"] = ["Give the email (at most 254 characters) and the password (at most 128)."] });
            var email = login.Email.Trim();
            var verdict = throttle.SignIn(context, email);
            if (!verdict.Allowed)
                return ApiProblems.TooManyRequests(context, verdict, "sign-in attempts");

            var (result, user) = await signIn.CheckCredentialsAsync(email, login.Password);
            if (!result.Succeeded || user is null)
                return TypedResults.Problem(
                    // One answer for every refusal: it must not tell which emails have accounts.
                    detail: "Wrong email or password, or the account cannot sign in now (paused after 5 wrong passwords, not confirmed, or deactivated).",
                    statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in refused", type: "urn:clinic:problem:sign_in_refused",
                    extensions: new Dictionary<string, object?> { ["code"] = "sign_in_refused" });
            var lifetime = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenExpiration;
            return Results.SignIn(await PrincipalAsync(signIn, user, await refreshTokens.IssueAsync(user.Id, null, lifetime)),
                authenticationScheme: IdentityConstants.BearerScheme);
        })
        .WithSummary("Sign in: returns an access token and a refresh token")
        .Produces<AccessTokenResponse>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/refresh", async (RefreshRequest request, ActiveAccountSignInManager signIn, RefreshTokens refreshTokens,
            IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock) =>
        {
            var bearer = options.Get(IdentityConstants.BearerScheme);
            var ticket = string.IsNullOrEmpty(request.RefreshToken) || request.RefreshToken.Length > 8192 ? null : bearer.RefreshTokenProtector.Unprotect(request.RefreshToken);
            // A deactivated account, a changed password or an expired token gets no new access.
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                || ticket.Principal.FindFirstValue(RefreshTokens.ClaimType) is not { } tokenId
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
                return Results.Challenge(authenticationSchemes: [IdentityConstants.BearerScheme]);
            var (outcome, family) = await refreshTokens.SpendAsync(tokenId, user.Id);
            if (outcome != RefreshOutcome.Spent)
                return Results.Challenge(authenticationSchemes: [IdentityConstants.BearerScheme]);
            var next = await refreshTokens.IssueAsync(user.Id, family, bearer.RefreshTokenExpiration);
            return Results.SignIn(await PrincipalAsync(signIn, user, next), authenticationScheme: IdentityConstants.BearerScheme);
        })
        .WithSummary("Trade a refresh token for new tokens (each refresh token works once)")
        .Produces<AccessTokenResponse>()
        .Produces(StatusCodes.Status401Unauthorized);
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(SignInManager<ClinicUser> signIn, ClinicUser user, string refreshTokenId)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(RefreshTokens.ClaimType, refreshTokenId));
        return principal;
    }
}
