namespace Clinic.Domain.Payments;

/// <summary>
/// The clinic days a takings report covers, both ends included: money counts on the day it came in.
/// </summary>
public sealed record TakingsPeriod(DateOnly From, DateOnly To)
{
    /// <summary>A year and a day: enough for a year's accounts, and a bound on what one page loads.</summary>
    public const int MaxDays = 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public IReadOnlyList<string> Problems() =>
        To < From ? ["The last day is before the first."]
        : Days > MaxDays ? [$"A report covers at most {MaxDays} days; choose a shorter period."]
        : [];

    public static TakingsPeriod Day(DateOnly day) => new(day, day);

    /// <summary>The seven days ending with <paramref name="today"/>.</summary>
    public static TakingsPeriod LastSevenDays(DateOnly today) => new(today.AddDays(-6), today);

    /// <summary>From the first of the month to <paramref name="today"/>: nothing is taken in days still to come.</summary>
    public static TakingsPeriod MonthSoFar(DateOnly today) => new(new DateOnly(today.Year, today.Month, 1), today);

    public static TakingsPeriod MonthBefore(DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        return new(first, first.AddMonths(1).AddDays(-1));
    }
}
