namespace Clinic.Domain.Series;

public enum SeriesFrequency
{
    /// <summary>On the first visit's weekday, every <see cref="SeriesRule.Interval"/> weeks.</summary>
    Weekly,

    /// <summary>On the first visit's "Nth weekday" of the month (the 2nd Tuesday), every <see cref="SeriesRule.Interval"/> months; a 5th weekday means the last.</summary>
    MonthlyByWeekday,
}

/// <summary>
/// How a series of visits repeats: weekly or every N weeks, or monthly on the Nth weekday; for a
/// number of visits or until a date. The dates are the clinic's wall-clock dates: each visit keeps
/// the first one's local time across a daylight-saving change (09:00 stays 09:00).
/// </summary>
public sealed record SeriesRule(SeriesFrequency Frequency, int Interval, int? Count, DateOnly? Until)
{
    public const int MaxOccurrences = 52;

    public IReadOnlyList<string> Problems(DateOnly first)
    {
        var errors = new List<string>();
        if (Interval is < 1 or > 12)
            errors.Add("Repeat every 1 to 12 weeks or months.");
        if (Count is null && Until is null)
            errors.Add("Say how many visits, or until which date.");
        if (Count is { } count && count is < 2 or > MaxOccurrences)
            errors.Add($"A series has 2 to {MaxOccurrences} visits.");
        if (Until is { } until && until <= first)
            errors.Add("The last date must come after the first visit.");
        return errors;
    }

    /// <summary>The dates of the visits, the first included, at most <see cref="MaxOccurrences"/>.</summary>
    public IReadOnlyList<DateOnly> Dates(DateOnly first)
    {
        if (Problems(first).Count > 0)
            return [];
        var dates = new List<DateOnly>();
        var limit = Math.Min(Count ?? MaxOccurrences, MaxOccurrences);
        for (var step = 0; dates.Count < limit; step++)
        {
            var date = Frequency == SeriesFrequency.Weekly ? first.AddDays(7 * Interval * step) : NthWeekday(first, step * Interval);
            if (Until is { } until && date > until)
                break;
            dates.Add(date);
        }
        return dates;
    }

    /// <summary>
    /// Each date at the same wall-clock time in the clinic's zone, as a UTC instant: 09:00 in Paris is
    /// 08:00 UTC in winter and 07:00 in summer. A time a spring-forward night skips gives null (no
    /// visit can start then); a time an autumn night repeats is its first (summer-time) instant.
    /// </summary>
    public static IReadOnlyList<DateTime?> StartsUtc(IEnumerable<DateOnly> dates, TimeOnly localTime, TimeZoneInfo zone) =>
        [.. dates.Select(date =>
        {
            var local = date.ToDateTime(localTime);
            if (zone.IsInvalidTime(local))
                return (DateTime?)null;
            var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        })];

    /// <summary>The same "Nth weekday" as <paramref name="first"/>, <paramref name="months"/> months on; the 5th is read as the last.</summary>
    private static DateOnly NthWeekday(DateOnly first, int months)
    {
        var nth = (first.Day - 1) / 7; // 0-based: 0 = first, 4 = fifth
        var month = new DateOnly(first.Year, first.Month, 1).AddMonths(months);
        var firstOfKind = month.AddDays(((int)first.DayOfWeek - (int)month.DayOfWeek + 7) % 7);
        var date = firstOfKind.AddDays(7 * Math.Min(nth, 4));
        return date.Month == month.Month ? date : date.AddDays(-7);
    }

    /// <summary>"Every week, 6 visits", "Every 2 weeks until 31 Mar 2027", "Monthly on the 2nd Tuesday, 4 visits".</summary>
    public string Describe(DateOnly first)
    {
        var how = Frequency == SeriesFrequency.Weekly
            ? Interval == 1 ? "Every week" : $"Every {Interval} weeks"
            : $"{(Interval == 1 ? "Monthly" : $"Every {Interval} months")} on the {Ordinal((first.Day - 1) / 7)} {first.DayOfWeek}";
        return Count is { } count ? $"{how}, {count} visits" : $"{how} until {Until:d MMM yyyy}";
    }

    private static string Ordinal(int nth) => nth switch { 0 => "1st", 1 => "2nd", 2 => "3rd", 3 => "4th", _ => "last" };
}
