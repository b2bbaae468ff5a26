using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;

namespace Clinic.Web.Localization;

/// <summary>
/// Where a person chooses the language: it is kept in the localization cookie and the page is loaded
/// again, because a Blazor circuit keeps the culture it was started with.
/// </summary>
public static class LanguageChoice
{
    public static void AddClinicLanguages(this IServiceCollection services)
    {
        // Pages carry Bangla and the clinic's punctuation as they are, not as a six-byte entity per
        // letter (the default encoder keeps only ASCII); markup characters are escaped all the same.
        services.AddWebEncoders(encoders =>
        {
            var text = new TextEncoderSettings(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.GeneralPunctuation, UnicodeRanges.Bengali);
            text.AllowCharacters('\u0964', '\u0965'); // the danda Bangla ends a sentence with, kept in the Devanagari block
            encoders.TextEncoderSettings = text;
        });
        services.AddScoped<AccountLanguage>();
        services.AddSingleton<ClinicLanguage>();
        services.AddHostedService(sp => sp.GetRequiredService<ClinicLanguage>());
        services.Configure<RequestLocalizationOptions>(options =>
        {
            string[] codes = [.. Languages.All.Select(language => language.Code)];
            options.SetDefaultCulture(Languages.English.Code)
                .AddSupportedCultures(codes)
                .AddSupportedUICultures(codes);
            // The choice (cookie), else the browser's or the clinic's language; not the address, which the
            // circuit's WebSocket would not carry and a shared link would impose on its reader.
            options.RequestCultureProviders = [new WorkingLanguage(), new CookieRequestCultureProvider(), new UnchosenLanguage()];
        });
    }

    public static IEndpointRouteBuilder MapLanguageChoice(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{code}", async (string code, string? back, HttpContext http, AccountLanguage accounts) =>
        {
            if (Languages.Find(code) is not { } language)
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such language",
                    detail: $"The clinic speaks {string.Join(" and ", Languages.All.Select(l => $"{l.Name} ({l.Code})"))}.");
            Remember(http, language);
            // Signed in, the account keeps it too: its emails, and its next sign-in elsewhere.
            await accounts.KeepAsync(http.User, language);
            // Back to the page it was chosen on, never to another site.
            return Results.LocalRedirect(IsLocal(back) ? back! : "~/");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>Keeps the choice in this browser for a year.</summary>
    public static void Remember(HttpContext http, Language language) =>
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language.Code)),
            new CookieOptions
            {
                Expires = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
            });

    /// <summary>What this browser chose, if it chose (not what it merely asks for in its headers).</summary>
    public static Language? Chosen(HttpRequest request) =>
        request.Cookies[CookieRequestCultureProvider.DefaultCookieName] is { } cookie
        && CookieRequestCultureProvider.ParseCookieValue(cookie)?.UICultures.FirstOrDefault() is { } culture
            ? Languages.Find(culture.Value)
            : null;

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
