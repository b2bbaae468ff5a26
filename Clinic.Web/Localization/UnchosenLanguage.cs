using Microsoft.AspNetCore.Localization;

namespace Clinic.Web.Localization;

/// <summary>
/// The language of someone who has not chosen one: the browser's, when it asks for a language of the
/// clinic's other than English, else the clinic's own. Nearly every browser names English among its
/// languages, so an English one says little; in a clinic that opens in Bangla, English is one tap away.
/// </summary>
public sealed class UnchosenLanguage : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = BrowserAsksFor(httpContext.Request) is { } asked && asked != Languages.English
            ? asked
            : await httpContext.RequestServices.GetRequiredService<ClinicLanguage>().GetAsync();
        return new ProviderCultureResult(language.Code);
    }

    /// <summary>The first of the clinic's languages in the browser's own order of preference.</summary>
    public static Language? BrowserAsksFor(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .Where(value => value.Quality is not <= 0)
            .OrderByDescending(value => value.Quality ?? 1)
            .Select(value => Languages.Find(value.Value.Value?.Split('-')[0]))
            .FirstOrDefault(language => language is not null);
}
