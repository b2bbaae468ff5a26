using Clinic.Domain.Identity;
using Microsoft.AspNetCore.Localization;

namespace Clinic.Web.Localization;

/// <summary>
/// English, the clinic's working language, where Bangla does not yet reach: the owner's screens
/// (settings, team, takings) and the doctors' (their practice and dashboard), and the API, whose
/// callers are programs that parse what it says. Patients and the front desk's staff read the
/// language they choose: every screen of theirs is in the table, and a menu in one language over a
/// page in another reads as broken. Asked first, so an owner's or doctor's own browser, or an old
/// choice from browsing as a visitor, does not half-translate their pages.
/// </summary>
public sealed class WorkingLanguage : RequestCultureProvider
{
    private static readonly Task<ProviderCultureResult?> English = Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(Languages.English.Code));
    private static readonly Task<ProviderCultureResult?> NoAnswer = Task.FromResult<ProviderCultureResult?>(null);

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        httpContext.Request.Path.StartsWithSegments("/api") || WorksInEnglish(httpContext.User) ? English : NoAnswer;

    /// <summary>The owner and the doctors, whose screens are in English only (a staff member who is also one of them too).</summary>
    public static bool WorksInEnglish(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (user.IsInRole(ClinicRoles.Owner) || user.IsInRole(ClinicRoles.Doctor));
}
