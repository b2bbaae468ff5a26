namespace Clinic.Domain.Scheduling;

/// <summary>
/// Converts one clinic-local day's wall-clock times to UTC. Most days keep one offset from
/// midnight to midnight, so conversion is a subtraction; only a day with a daylight-saving
/// change asks the time zone for every time (skipped times: none; repeated times: the first).
/// </summary>
internal readonly struct DayClock
{
    private readonly TimeZoneInfo zone;
    private readonly TimeSpan? fixedOffset;

    private DayClock(TimeZoneInfo zone, TimeSpan? fixedOffset) => (this.zone, this.fixedOffset) = (zone, fixedOffset);

    public static DayClock For(TimeZoneInfo zone, DateOnly date)
    {
        if (!zone.SupportsDaylightSavingTime)
            return new DayClock(zone, zone.BaseUtcOffset);
        var start = date.ToDateTime(TimeOnly.MinValue);
        var end = start.AddDays(1);
        var steady = !zone.IsInvalidTime(start) && !zone.IsAmbiguousTime(start)
            && !zone.IsInvalidTime(end) && !zone.IsAmbiguousTime(end)
            && zone.GetUtcOffset(start) == zone.GetUtcOffset(end);
        return new DayClock(zone, steady ? zone.GetUtcOffset(start) : null);
    }

    public bool TryToUtc(DateTime local, out DateTime utc)
    {
        if (fixedOffset is { } offset)
        {
            utc = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
            return true;
        }
        if (zone.IsInvalidTime(local))
        {
            utc = default;
            return false;
        }
        var changing = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        utc = DateTime.SpecifyKind(local - changing, DateTimeKind.Utc);
        return true;
    }

    public DateTime ToLocal(DateTime utc) =>
        fixedOffset is { } offset
            ? DateTime.SpecifyKind(utc + offset, DateTimeKind.Unspecified)
            : TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
}
