using System.Globalization;

namespace Clinic.Web.Localization;

/// <summary>
/// Work done for a reader away from their pages (an email leaving the outbox) in their language, the
/// thread's own put back after.
/// </summary>
public sealed class LanguageScope : IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    private LanguageScope(Language language) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language.Code);

    public static LanguageScope For(Language language) => new(language);

    /// <param name="code">As an email carries it; null or unknown is English.</param>
    public static LanguageScope For(string? code) => new(Languages.Find(code) ?? Languages.English);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
}
