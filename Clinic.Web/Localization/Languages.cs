using System.Globalization;

namespace Clinic.Web.Localization;

/// <summary>A language the clinic's screens speak, named in itself (as a language menu shows it).</summary>
public sealed record Language(string Code, string Name);

/// <summary>English, the language the clinic's texts are written in (the table's keys), and Bangla; either is what the clinic opens in (<see cref="ClinicLanguage"/>).</summary>
public static class Languages
{
    public static readonly Language English = new("en", "English");
    public static readonly Language Bangla = new("bn", "বাংলা");

    public static IReadOnlyList<Language> All { get; } = [English, Bangla];

    /// <summary>The language this request or circuit was started in.</summary>
    public static Language Current => Find(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? English;

    public static Language? Find(string? code) =>
        All.FirstOrDefault(language => string.Equals(language.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The other language, which the app bar offers (two languages: one switch).</summary>
    public static Language Other => Current == English ? Bangla : English;
}
