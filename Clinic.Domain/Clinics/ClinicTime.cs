namespace Clinic.Domain.Clinics;

/// <summary>Dates as the clinic sees them: the wall-clock date in its time zone.</summary>
public static class ClinicTime
{
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, zone));

    public static DateOnly Today(this TimeProvider clock, TimeZoneInfo zone) => DateOf(clock.GetUtcNow(), zone);

    /// <summary>The wall-clock time of a UTC instant in the clinic's zone (kind Unspecified: a local time, not an instant).</summary>
    public static DateTime LocalOf(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), DateTimeKind.Unspecified);

    /// <summary>
    /// The first instant of a clinic-local day, in UTC. Where a daylight-saving jump skips midnight
    /// (Chile, Lebanon...), the day starts at the first wall-clock time that exists.
    /// </summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(15);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>
    /// The next instant, strictly after <paramref name="now"/>, at which the clinic's clock shows
    /// <paramref name="at"/> (in UTC). On the night a daylight-saving jump skips that time it is the
    /// first wall-clock time after it that exists; where the time happens twice, the first of the two.
    /// </summary>
    public static DateTime NextAt(DateTimeOffset now, TimeOnly at, TimeZoneInfo zone)
    {
        var nowUtc = now.UtcDateTime;
        for (var day = DateOf(now, zone).AddDays(-1); ; day = day.AddDays(1))
        {
            var local = day.ToDateTime(at);
            while (zone.IsInvalidTime(local))
                local = local.AddMinutes(15);
            var utc = zone.IsAmbiguousTime(local)
                ? DateTime.SpecifyKind(local - zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc)
                : TimeZoneInfo.ConvertTimeToUtc(local, zone);
            if (utc > nowUtc)
                return utc;
        }
    }

    /// <summary>
    /// "09:00–09:30" in the clinic's zone; where either end falls in the hour a daylight-saving change
    /// repeats, both ends carry their offset ("02:30 (UTC+2)–02:00 (UTC+1)"), since the clock alone
    /// would name two instants and make a visit seem to end before it starts.
    /// </summary>
    public static string Span(DateTime startUtc, DateTime endUtc, TimeZoneInfo zone)
    {
        var marked = InRepeatedHour(startUtc, zone) || InRepeatedHour(endUtc, zone);
        return $"{Clock(startUtc, zone, marked)}–{Clock(endUtc, zone, marked)}";
    }

    /// <summary>
    /// What a person calls the clinic's clock: "Dhaka time" for Asia/Dhaka, "New York time" for
    /// America/New_York (the zone's city, as the IANA name gives it); a zone without a city keeps its
    /// name ("UTC"). Said beside a time so that a patient abroad reads it as the clinic's.
    /// </summary>
    public static string ZoneLabel(string timeZoneId)
    {
        var slash = timeZoneId.LastIndexOf('/');
        return slash < 0 ? timeZoneId : $"{timeZoneId[(slash + 1)..].Replace('_', ' ')} time";
    }

    /// <summary>"14:05", or "02:30 (UTC+1)" in a repeated hour.</summary>
    public static string Clock(DateTime utc, TimeZoneInfo zone) => Clock(utc, zone, InRepeatedHour(utc, zone));

    /// <summary>Whether the wall-clock time of this instant happens twice that night (autumn fall-back).</summary>
    public static bool InRepeatedHour(DateTime utc, TimeZoneInfo zone) => zone.IsAmbiguousTime(LocalOf(utc, zone));

    private static string Clock(DateTime utc, TimeZoneInfo zone, bool withOffset)
    {
        var local = LocalOf(utc, zone);
        var text = local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        if (!withOffset)
            return text;
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var amount = offset.Minutes == 0 ? $"{Math.Abs(offset.Hours)}" : $"{Math.Abs(offset.Hours)}:{Math.Abs(offset.Minutes):00}";
        return $"{text} (UTC{sign}{amount})";
    }
}
