using System.Globalization;

namespace Clinic.Web.Components.Pages.Schedule;

/// <summary>Reads the browser's time and date inputs ("HH:mm", "yyyy-MM-dd") without guessing.</summary>
public static class FormText
{
    public static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && Clinic.Domain.Common.PlausibleDates.Contains(date) ? date : null;

    /// <summary>A date of birth: any real date (the person's details check it is not ahead and not beyond a lifetime); booking dates stay within <see cref="Clinic.Domain.Common.PlausibleDates"/>.</summary>
    public static DateOnly? BirthDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>An id in a page's address; a link cut short or mistyped reads as none, never as a broken page.</summary>
    public static Guid? Id(string? text) => Guid.TryParse(text?.Trim(), out var id) ? id : null;

    public static string Of(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Of(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A weekday's name in the reader's language ("Monday", "সোমবার").</summary>
    public static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);

    /// <summary>Weekly hours as a person says them: "Monday 09:00–13:00".</summary>
    public static string Hours(Clinic.Domain.Scheduling.WeeklyRuleDetails rule) => $"{DayName(rule.Day)} {Of(rule.From)}–{Of(rule.To)}";
}
