using Clinic.Domain.Scheduling;

namespace Clinic.Domain.Waitlist;

/// <summary>How long a patient may choose to wait, from a full day.</summary>
public static class WaitlistDays
{
    /// <summary>
    /// The later days a wait that starts on <paramref name="full"/> may run to: each day after it
    /// with hours, for as long as none of the days in between has a free time (a free day would be
    /// booked, not waited for). Days without hours (a day off, a closure) are passed over, never
    /// offered as an end: waiting until one would say no more than waiting until the day before.
    /// </summary>
    public static IReadOnlyList<DateOnly> LaterEnds(IEnumerable<DaySummary> days, DateOnly full) =>
        [.. days.Where(d => d.Date > full).OrderBy(d => d.Date).TakeWhile(d => d.AvailableSlots == 0)
            .Where(d => d.Slots > 0 && !d.IsClosed).Select(d => d.Date)];
}
