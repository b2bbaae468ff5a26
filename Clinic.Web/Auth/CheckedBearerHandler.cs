using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clinic.Web.Auth;

/// <summary>
/// The API's sign-in scheme: Identity's bearer token, refused once its account is deactivated or its
/// password has changed (see <see cref="BearerSessionCheck"/>). Challenges answer as the bearer scheme does.
/// </summary>
public sealed class CheckedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, BearerSessionCheck sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ClinicBearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var bearer = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!bearer.Succeeded)
            return bearer;
        if (!await sessions.IsCurrentAsync(bearer.Principal))
            return AuthenticateResult.Fail("The account was deactivated or its password changed: sign in again.");
        return AuthenticateResult.Success(new AuthenticationTicket(bearer.Principal, bearer.Properties, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.ChallengeAsync(IdentityConstants.BearerScheme, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Context.ForbidAsync(IdentityConstants.BearerScheme, properties);
}
