namespace Clinic.Domain.Clinics;

/// <summary>Dates as the clinic sees them: the wall-clock date in its time zone.</summary>
public static class ClinicTime
{
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, zone));

    public static DateOnly Today(this TimeProvider clock, TimeZoneInfo zone) => DateOf(clock.GetUtcNow(), zone);
}
