using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Clinic.Web.Localization;

/// <summary>
/// The screens' words in the language of the request or circuit. The English text is its own key
/// (English needs no table), and Texts.bn.resx holds the Bangla; a text without a translation shows
/// in English rather than as a key. Static, so markup helpers and components ask it alike, and a
/// page adds nothing per component to what it keeps.
/// </summary>
public static partial class Translations
{
    private static readonly ResourceManager Texts = new("Clinic.Web.Localization.Texts", typeof(Translations).Assembly);

    public static string Tr(string english)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (IsEnglish(culture))
            return english;
        return Texts.GetString(english, culture) ?? english;
    }

    /// <summary>A text with places ({0}, {1}) filled in the current culture's formats.</summary>
    public static string Tr(string english, params object?[] values) =>
        string.Format(CultureInfo.CurrentCulture, Tr(english), values);

    /// <summary>
    /// A sentence the domain wrote with its figures in it ("3 of 15 seats left", "Bookings open 30 days
    /// ahead."), or a notice stored as it was written: the table's text with the same places is found
    /// by its shape and filled with the same figures. A place holds figures (no letters) or a text of
    /// the table itself ("1 hour"), unless the table's text marks it as free text ("Closed: {0:text}",
    /// for the clinic's own words and people's names) or as a clinic time ("{1:when}", written
    /// "Tue 24 Nov 2026, 09:00" as notices store it, said again in the reader's language) or a day
    /// ("{0:day}", "Wed 16 Dec 2026", or "{0:date}", "16 Dec 2026", likewise), or several times
    /// ("{0:whens}", "Tue 1 Dec 2026, 09:00; Tue 8 Dec 2026, 09:00"). A text of several sentences
    /// the table knows one by one is said sentence by sentence. So a
    /// sentence is never half-translated around words the table does not know. What no text of the
    /// table fits shows as written.
    /// </summary>
    public static string Sentence(string? english)
    {
        if (string.IsNullOrEmpty(english))
            return english ?? string.Empty;
        var culture = CultureInfo.CurrentUICulture;
        if (IsEnglish(culture))
            return english;
        if (Texts.GetString(english, culture) is { } exact)
            return exact;
        var said = Said.GetOrAdd(culture.Name, _ => new ConcurrentDictionary<string, string>());
        if (said.TryGetValue(english, out var known))
            return known;
        var sentence = BySentences(english, 0, culture, []) ?? english;
        // Sentences carry the clinic's own words (a day off's reason), so the memory is bounded.
        if (said.Count < 4096)
            said[english] = sentence;
        return sentence;
    }

    /// <summary>The translation itself, or null where there is none (for the tests that keep the table whole).</summary>
    internal static string? Translated(string english, CultureInfo culture) => Texts.GetString(english, culture);

    /// <summary>Every English text the table of a language translates.</summary>
    internal static IReadOnlyList<string> Keys(CultureInfo culture) =>
        Texts.GetResourceSet(culture, createIfNotExists: true, tryParents: false) is { } set
            ? [.. set.Cast<DictionaryEntry>().Select(entry => (string)entry.Key)]
            : [];

    private static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == Languages.English.Code;

    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> Said = new();
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Template>> TemplatesOf = new();

    private sealed record Template(Regex Shape, string Translation, IReadOnlySet<string> FreeText, IReadOnlySet<string> Times, IReadOnlySet<string> TimeLists,
        IReadOnlyDictionary<string, string> Days);

    private const string FreeTextFormat = "text";
    private const string TimeFormat = "when";
    private const string TimeListFormat = "whens"; // "Tue 1 Dec 2026, 09:00; Tue 8 Dec 2026, 09:00", a series' visits

    // How notices store a time on the clinic's clock (AppointmentNoticeWriter.When).
    private const string StoredTime = "ddd d MMM yyyy, HH:mm";
    private const string StoredTimeShape = @"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d{2}:\d{2}";

    // How the domain writes a day: in a refusal ("The doctor is off on Wed 16 Dec 2026 (…)."), "{0:day}";
    // a last day ("choose dates until 16 Dec 2026", "Every week until 16 Dec 2026"), "{0:date}".
    private const string DateShape = @"\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}";
    private static readonly Dictionary<string, (string Format, string Shape)> DayKinds = new()
    {
        ["day"] = ("ddd d MMM yyyy", @"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) " + DateShape),
        ["date"] = ("d MMM yyyy", DateShape),
    };

    /// <summary>
    /// The text sentence by sentence when the table knows every one (a notice with a series' other
    /// visits after it, a reminder with its video link), else whole if it knows it; null when neither.
    /// Sentences first, so a place for the clinic's own words ("at {2:text}.") does not swallow the
    /// sentences after it; every way of cutting at ". " is tried, since a name holds one ("Dr. Tanvir").
    /// </summary>
    private static string? BySentences(string english, int from, CultureInfo culture, Dictionary<int, string?> said)
    {
        if (said.TryGetValue(from, out var known))
            return known;
        string? result = null;
        for (var end = english.IndexOf(". ", from, StringComparison.Ordinal); result is null && end >= 0; end = english.IndexOf(". ", end + 1, StringComparison.Ordinal))
        {
            var head = english[from..(end + 1)];
            var first = Texts.GetString(head, culture) ?? FromTemplate(head, culture);
            if (first != head && BySentences(english, end + 2, culture, said) is { } rest)
                result = $"{first} {rest}";
        }
        if (result is null)
        {
            var text = english[from..];
            var whole = Texts.GetString(text, culture) ?? FromTemplate(text, culture);
            result = whole != text ? whole : null;
        }
        return said[from] = result;
    }

    private static string FromTemplate(string english, CultureInfo culture)
    {
        // The most specific first (the most words of its own), so that where two fit, the same one always wins.
        var templates = TemplatesOf.GetOrAdd(culture.Name, _ =>
            [.. Keys(culture).Where(key => Place().IsMatch(key))
                .OrderByDescending(key => Place().Replace(key, "").Length).ThenBy(key => key, StringComparer.Ordinal)
                .Select(key => new Template(ShapeOf(key), Texts.GetString(key, culture)!, PlacesMarked(key, FreeTextFormat), PlacesMarked(key, TimeFormat), PlacesMarked(key, TimeListFormat), DaysMarked(key)))]);
        foreach (var template in templates)
        {
            if (MatchOrNone(template.Shape, english) is not { } match)
                continue;
            var values = new Dictionary<string, string>();
            foreach (var group in match.Groups.Cast<Group>().Where(g => g.Success && g.Name.StartsWith('p')))
            {
                var value = group.Value;
                if (template.Times.Contains(group.Name))
                {
                    if (!DateTime.TryParseExact(value, StoredTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                        break;
                    values[group.Name[1..]] = time.ToString(StoredTime, CultureInfo.CurrentCulture);
                    continue;
                }
                if (template.TimeLists.Contains(group.Name))
                {
                    var times = value.Split("; ").Select(time => DateTime.TryParseExact(time, StoredTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                        ? at.ToString(StoredTime, CultureInfo.CurrentCulture) : null).ToList();
                    if (times.Contains(null))
                        break;
                    values[group.Name[1..]] = string.Join("; ", times);
                    continue;
                }
                if (template.Days.TryGetValue(group.Name, out var dayFormat))
                {
                    if (!DateOnly.TryParseExact(value, dayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                        break;
                    values[group.Name[1..]] = day.ToString(dayFormat, CultureInfo.CurrentCulture);
                    continue;
                }
                // A figure may itself be a text of the table ("1 hour").
                var said = template.FreeText.Contains(group.Name) || !value.Any(char.IsLetter) ? value : Sentence(value);
                if (said == value && value.Any(char.IsLetter) && !template.FreeText.Contains(group.Name))
                    break;
                values[group.Name[1..]] = said;
            }
            if (values.Count != match.Groups.Cast<Group>().Count(g => g.Success && g.Name.StartsWith('p')))
                continue;
            return Place().Replace(template.Translation, place => values.GetValueOrDefault(place.Groups[1].Value, place.Value));
        }
        return english;
    }

    // A sentence that would take too long to take apart is shown as written, never a broken page.
    private static Match? MatchOrNone(Regex shape, string english)
    {
        try
        {
            var match = shape.Match(english);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static HashSet<string> PlacesMarked(string key, string format) =>
        [.. Place().Matches(key).Where(place => place.Groups[2].Value == format).Select(place => $"p{place.Groups[1].Value}")];

    private static Dictionary<string, string> DaysMarked(string key) =>
        Place().Matches(key).Where(place => DayKinds.ContainsKey(place.Groups[2].Value))
            .DistinctBy(place => place.Groups[1].Value)
            .ToDictionary(place => $"p{place.Groups[1].Value}", place => DayKinds[place.Groups[2].Value].Format);

    private static Regex ShapeOf(string key)
    {
        var shape = "^";
        var at = 0;
        foreach (Match place in Place().Matches(key))
        {
            shape += Regex.Escape(key[at..place.Index]);
            var name = $"p{place.Groups[1].Value}";
            // The same place twice must say the same thing.
            shape += shape.Contains($"(?<{name}>", StringComparison.Ordinal) ? $"\\k<{name}>"
                : place.Groups[2].Value == TimeFormat ? $"(?<{name}>{StoredTimeShape})"
                : place.Groups[2].Value == TimeListFormat ? $"(?<{name}>{StoredTimeShape}(?:; {StoredTimeShape})*)"
                : DayKinds.TryGetValue(place.Groups[2].Value, out var day) ? $"(?<{name}>{day.Shape})"
                : $"(?<{name}>.+?)";
            at = place.Index + place.Length;
        }
        return new Regex(shape + Regex.Escape(key[at..]) + "$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
    }

    [GeneratedRegex(@"\{(\d+)(?::([^}]*))?\}")]
    private static partial Regex Place();
}
