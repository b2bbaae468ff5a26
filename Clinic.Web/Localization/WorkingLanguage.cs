using Microsoft.AspNetCore.Localization;

namespace Clinic.Web.Localization;

/// <summary>
/// English for the API, whatever a caller's <c>Accept-Language</c> or cookie says: its callers are
/// programs that parse what it answers, and its problems name fields in English. Asked first; every
/// screen reads the language its reader chose (the cookie), else the browser's or the clinic's (<see cref="UnchosenLanguage"/>).
/// </summary>
public sealed class WorkingLanguage : RequestCultureProvider
{
    private static readonly Task<ProviderCultureResult?> English = Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(Languages.English.Code));
    private static readonly Task<ProviderCultureResult?> NoAnswer = Task.FromResult<ProviderCultureResult?>(null);

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        httpContext.Request.Path.StartsWithSegments("/api") ? English : NoAnswer;
}
