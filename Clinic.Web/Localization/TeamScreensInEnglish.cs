using Clinic.Domain.Identity;
using Microsoft.AspNetCore.Localization;

namespace Clinic.Web.Localization;

/// <summary>
/// The owner's, staff's and doctors' screens are in English, the clinic's working language: Bangla
/// covers the patient's way through the clinic, not yet the agenda, front desk and settings, and a
/// menu in one language over a page in another reads as broken. Asked first, so a team member's own
/// browser or an old choice from browsing as a visitor does not half-translate their pages.
/// </summary>
public sealed class TeamScreensInEnglish : RequestCultureProvider
{
    private static readonly Task<ProviderCultureResult?> English = Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(Languages.English.Code));
    private static readonly Task<ProviderCultureResult?> NoAnswer = Task.FromResult<ProviderCultureResult?>(null);

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        IsTeam(httpContext.User) ? English : NoAnswer;

    public static bool IsTeam(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (user.IsInRole(ClinicRoles.Owner) || user.IsInRole(ClinicRoles.Staff) || user.IsInRole(ClinicRoles.Doctor));
}
