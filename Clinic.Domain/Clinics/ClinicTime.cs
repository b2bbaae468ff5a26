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
}
