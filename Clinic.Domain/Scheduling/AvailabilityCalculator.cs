using System.Globalization;

namespace Clinic.Domain.Scheduling;

/// <summary>
/// Turns a doctor's schedule into slots for a range of clinic-local dates. Wall-clock times are in
/// the clinic's zone: a start that a daylight-saving jump skips is not offered, and a start that a
/// fall-back repeats is offered once (its first occurrence).
/// </summary>
public sealed class AvailabilityCalculator(TimeZoneInfo zone, SchedulingPolicy policy)
{
    private static readonly IReadOnlyDictionary<DateTime, int> NoBookings = new Dictionary<DateTime, int>();

    public TimeZoneInfo Zone => zone;

    /// <summary>The clinic-local date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, zone));

    /// <param name="bookedSeats">Seat-holding bookings per slot start (UTC).</param>
    public IReadOnlyList<Slot> Compute(DoctorSchedule schedule, DateOnly first, DateOnly last, DateTimeOffset now,
        IReadOnlyDictionary<DateTime, int>? bookedSeats = null)
    {
        bookedSeats ??= NoBookings;
        var context = new Context(schedule, now, LocalDate(now), policy);
        var slots = new List<Slot>();
        for (var date = first; date <= last; date = date.AddDays(1))
            AddDay(context, date, bookedSeats, slots);
        return slots;
    }

    /// <summary>Per day: how many slots and seats are open, and whether the doctor is off.</summary>
    public IReadOnlyList<DaySummary> SummarizeDays(DoctorSchedule schedule, DateOnly first, DateOnly last, IReadOnlyList<Slot> slots)
    {
        var byDate = slots.ToLookup(s => s.LocalDate);
        var summaries = new List<DaySummary>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var day = byDate[date].ToList();
            var closed = ClosedOn(schedule, date);
            var open = day.Where(s => s.IsBookable).ToList();
            summaries.Add(new DaySummary(date, day.Count, open.Count, open.Sum(s => s.SeatsLeft), closed?.Reason));
        }
        return summaries;
    }

    /// <summary>
    /// Future bookings that the current schedule no longer offers (hours changed, day closed, capacity
    /// lowered): they stay booked and are shown to the doctor to sort out.
    /// </summary>
    public IReadOnlyList<AttentionItem> BookingsOutsideSchedule(DoctorSchedule schedule, IReadOnlyDictionary<DateTime, int> bookedSeats, DateTimeOffset now)
    {
        var context = new Context(schedule, now, LocalDate(now), policy);
        var items = new List<AttentionItem>();
        foreach (var byDate in bookedSeats.Where(b => b.Key > now.UtcDateTime && b.Value > 0).GroupBy(b => LocalDate(new DateTimeOffset(b.Key, TimeSpan.Zero))))
        {
            var day = new List<Slot>();
            AddDay(context, byDate.Key, bookedSeats, day);
            foreach (var (startUtc, count) in byDate.OrderBy(b => b.Key))
            {
                var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), zone);
                var slot = day.FirstOrDefault(s => s.StartUtc == startUtc);
                var reason = slot switch
                {
                    null => "No longer within the doctor's hours.",
                    { State: SlotState.Closed } => $"The doctor is off that day ({ClosedOn(schedule, slot.LocalDate)?.Reason}).",
                    { State: SlotState.Disabled } => "The slot was disabled after it was booked.",
                    _ when slot.SeatsBooked > slot.SeatsTotal => $"{slot.SeatsBooked} booked for {slot.SeatsTotal} seats.",
                    _ => null,
                };
                if (reason is not null)
                    items.Add(new AttentionItem(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), local, count, reason));
            }
        }
        return items;
    }

    private void AddDay(Context context, DateOnly date, IReadOnlyDictionary<DateTime, int> bookedSeats, List<Slot> into)
    {
        var closed = ClosedOn(context.Schedule, date);
        var day = new List<Slot>();
        foreach (var rule in context.RulesByDay[date.DayOfWeek])
            Generate(context, date, rule.From, rule.To, rule.SlotMinutes, rule.Capacity, SlotSource.Weekly, null, closed, bookedSeats, day);
        foreach (var extra in context.ExtrasByDate[date])
        {
            var source = extra.Kind == ExceptionKind.AdHocSlot ? SlotSource.AdHoc : SlotSource.ExtraHours;
            Generate(context, date, extra.From!.Value, extra.To!.Value, extra.SlotMinutes!.Value, extra.Capacity!.Value, source, extra.Id, closed, bookedSeats, day);
        }

        // Never offer the doctor twice at once, even if a daylight-saving change makes two slots touch.
        var lastEnd = DateTime.MinValue;
        foreach (var slot in day.OrderBy(s => s.StartUtc))
        {
            if (slot.StartUtc < lastEnd)
                continue;
            into.Add(slot);
            lastEnd = slot.EndUtc;
        }
    }

    private void Generate(Context context, DateOnly date, TimeOnly from, TimeOnly to, int minutes, int capacity, SlotSource source, Guid? exceptionId,
        ScheduleException? closed, IReadOnlyDictionary<DateTime, int> bookedSeats, List<Slot> into)
    {
        var windowEnd = date.ToDateTime(to);
        // A slot that does not fit before the end of the window is not offered: no short tail slot.
        for (var local = date.ToDateTime(from); local.AddMinutes(minutes) <= windowEnd; local = local.AddMinutes(minutes))
        {
            if (!TryToUtc(local, out var startUtc))
                continue;
            if (context.Switches.TryGetValue(startUtc, out var switched) && switched == SlotSwitchState.Removed)
                continue;
            var endUtc = startUtc.AddMinutes(minutes);
            var booked = bookedSeats.TryGetValue(startUtc, out var count) ? count : 0;
            var (state, reason) = Decide(context, local, startUtc, capacity, booked, closed, switched: context.Switches.ContainsKey(startUtc));
            into.Add(new Slot(context.Schedule.DoctorId, startUtc, endUtc, local, TimeZoneInfo.ConvertTimeFromUtc(endUtc, zone),
                capacity, booked, state, reason, source, exceptionId));
        }
    }

    private (SlotState, string) Decide(Context context, DateTime local, DateTime startUtc, int capacity, int booked, ScheduleException? closed, bool switched)
    {
        if (closed is not null)
            return (SlotState.Closed, $"Closed: {closed.Reason}");
        if (startUtc <= context.NowUtc)
            return (SlotState.Past, "This time has passed.");
        if (switched)
            return (SlotState.Disabled, "The doctor has made this slot unavailable.");
        if (booked >= capacity)
            return (SlotState.Full, capacity == 1 ? "Already booked" : $"Fully booked ({capacity} of {capacity} seats taken)");
        if (startUtc < context.NoticeUtc)
            return (SlotState.TooSoon, $"Bookings close {Hours(policy.MinimumNoticeHours)} before the start.");
        if (DateOnly.FromDateTime(local) > context.LastBookableDate)
            return (SlotState.OutsideWindow, $"Bookings open {policy.BookingWindowDays} days ahead.");
        var left = capacity - booked;
        return (SlotState.Available, capacity == 1 ? "Available" : $"{left} of {capacity} seats left");
    }

    private static string Hours(int hours) => hours == 1 ? "1 hour" : string.Create(CultureInfo.InvariantCulture, $"{hours} hours");

    private bool TryToUtc(DateTime local, out DateTime utc)
    {
        if (zone.IsInvalidTime(local))
        {
            utc = default;
            return false;
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        utc = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        return true;
    }

    private static ScheduleException? ClosedOn(DoctorSchedule schedule, DateOnly date) =>
        schedule.Exceptions.FirstOrDefault(e => e.Kind == ExceptionKind.Closed && e.Covers(date));

    /// <summary>The schedule indexed once per computation.</summary>
    private sealed class Context(DoctorSchedule schedule, DateTimeOffset now, DateOnly today, SchedulingPolicy policy)
    {
        public DoctorSchedule Schedule { get; } = schedule;
        public DateTime NowUtc { get; } = now.UtcDateTime;
        public DateTime NoticeUtc { get; } = now.UtcDateTime.AddHours(policy.MinimumNoticeHours);
        public DateOnly LastBookableDate { get; } = today.AddDays(policy.BookingWindowDays);
        public ILookup<DayOfWeek, WeeklyRule> RulesByDay { get; } = schedule.Rules.ToLookup(r => r.Day);
        public ILookup<DateOnly, ScheduleException> ExtrasByDate { get; } =
            schedule.Exceptions.Where(e => e.Kind != ExceptionKind.Closed).ToLookup(e => e.FirstDate);
        public Dictionary<DateTime, SlotSwitchState> Switches { get; } = schedule.Switches
            .GroupBy(s => s.StartUtc).ToDictionary(g => g.Key, g => g.Last().State);
    }
}

/// <summary>One clinic-local day of a doctor's calendar.</summary>
public sealed record DaySummary(DateOnly Date, int Slots, int AvailableSlots, int SeatsLeft, string? ClosedReason)
{
    public bool IsClosed => ClosedReason is not null;
}

/// <summary>A booking the current schedule no longer offers.</summary>
public sealed record AttentionItem(DateTime StartUtc, DateTime LocalStart, int Bookings, string Reason);
