using Clinic.Domain.Identity;
using Microsoft.AspNetCore.Localization;

namespace Clinic.Web.Localization;

/// <summary>
/// English, the clinic's working language, where the clinic works rather than its patients read:
/// the owner's, staff's and doctors' screens (Bangla covers the patient's way through the clinic,
/// not yet the agenda, front desk and settings, and a menu in one language over a page in another
/// reads as broken), and the API, whose callers are programs that parse what it says. Asked first,
/// so a team member's own browser or an old choice from browsing as a visitor does not
/// half-translate their pages.
/// </summary>
public sealed class WorkingLanguage : RequestCultureProvider
{
    private static readonly Task<ProviderCultureResult?> English = Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(Languages.English.Code));
    private static readonly Task<ProviderCultureResult?> NoAnswer = Task.FromResult<ProviderCultureResult?>(null);

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        httpContext.Request.Path.StartsWithSegments("/api") || IsTeam(httpContext.User) ? English : NoAnswer;

    public static bool IsTeam(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (user.IsInRole(ClinicRoles.Owner) || user.IsInRole(ClinicRoles.Staff) || user.IsInRole(ClinicRoles.Doctor));
}
