using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Clinic.Web.Auth;

/// <summary>
/// Identity's check of a sign-in cookie against the account (security stamp, still active), run in a
/// scope of its own. The validator brings the sign-in manager, the user manager and a database
/// context; in the request's scope they would live as long as the request, and the request that
/// carries a page's circuit lasts as long as the page is open.
/// </summary>
internal static class CookieStampCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await using var scope = context.HttpContext.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISecurityStampValidator>().ValidateAsync(context);
    }
}
