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
    public DateOnly LocalDate(DateTimeOffset instant) => Clinics.ClinicTime.DateOf(instant, zone);

    /// <param name="bookedSeats">Seats held per slot start (UTC).</param>
    /// <param name="length">A type of visit: a start where it does not fit is <see cref="SlotState.DoesNotFit"/>, with why.</param>
    public IReadOnlyList<Slot> Compute(DoctorSchedule schedule, DateOnly first, DateOnly last, DateTimeOffset now,
        IReadOnlyDictionary<DateTime, int>? bookedSeats = null, VisitLength? length = null)
    {
        bookedSeats ??= NoBookings;
        var context = new Context(schedule, now, LocalDate(now), policy, length);
        var slots = new List<Slot>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            foreach (var slot in Day(context, date, bookedSeats))
                slots.Add(slot.ToSlot(schedule.DoctorId));
        }
        return slots;
    }

    /// <summary>
    /// The slot that starts at <paramref name="startUtc"/>, or null when the schedule has none: what a
    /// booking checks. Only that start's local day is worked out in memory (a slot exists only if no
    /// earlier slot of the day overlaps it), so the caller loads just that day's rules, exceptions and
    /// switches and the seats taken at that one start.
    /// </summary>
    public Slot? SlotAt(DoctorSchedule schedule, DateTime startUtc, DateTimeOffset now, int bookedSeats) =>
        SlotAt(schedule, startUtc, now, new Dictionary<DateTime, int> { [DateTime.SpecifyKind(startUtc, DateTimeKind.Utc)] = bookedSeats }, null);

    /// <summary>
    /// The slot at <paramref name="startUtc"/> for a type of visit: with the seats held at that start
    /// and at the later starts the visit would cover (<see cref="Slot.LaterStarts"/> of a first call
    /// with none booked says which).
    /// </summary>
    public Slot? SlotAt(DoctorSchedule schedule, DateTime startUtc, DateTimeOffset now, IReadOnlyDictionary<DateTime, int> booked, VisitLength? length)
    {
        startUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        var context = new Context(schedule, now, LocalDate(now), policy, length);
        var date = LocalDate(new DateTimeOffset(startUtc));
        foreach (var slot in Day(context, date, booked))
        {
            if (slot.StartUtc == startUtc)
                return slot.ToSlot(schedule.DoctorId);
        }
        return null;
    }

    /// <summary>
    /// Day totals without building the slots: what the front desk's grid needs, for many doctors at
    /// once, with next to no allocation.
    /// </summary>
    public IReadOnlyList<DaySummary> SummarizeDays(DoctorSchedule schedule, DateOnly first, DateOnly last, DateTimeOffset now,
        IReadOnlyDictionary<DateTime, int>? bookedSeats = null, VisitLength? length = null)
    {
        bookedSeats ??= NoBookings;
        var context = new Context(schedule, now, LocalDate(now), policy, length) { KeepSpans = false };
        var summaries = new List<DaySummary>(last.DayNumber - first.DayNumber + 1);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            int count = 0, open = 0, seats = 0;
            foreach (var slot in Day(context, date, bookedSeats))
            {
                count++;
                if (slot.State == SlotState.Available)
                {
                    open++;
                    seats += slot.Capacity - slot.Booked;
                }
            }
            summaries.Add(new DaySummary(date, count, open, seats, ClosedOn(schedule, date)?.Reason));
        }
        return summaries;
    }

    /// <summary>Per day: how many slots and seats are open, and whether the doctor is off.</summary>
    public IReadOnlyList<DaySummary> SummarizeDays(DoctorSchedule schedule, DateOnly first, DateOnly last, IReadOnlyList<Slot> slots)
    {
        // Slots come in date order: one pass adds them up day by day.
        var summaries = new List<DaySummary>(last.DayNumber - first.DayNumber + 1);
        var index = 0;
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            int count = 0, open = 0, seats = 0;
            for (; index < slots.Count && slots[index].LocalDate <= date; index++)
            {
                if (slots[index].LocalDate < date)
                    continue;
                count++;
                if (slots[index].IsBookable)
                {
                    open++;
                    seats += slots[index].SeatsLeft;
                }
            }
            summaries.Add(new DaySummary(date, count, open, seats, ClosedOn(schedule, date)?.Reason));
        }
        return summaries;
    }

    /// <summary>
    /// Until when slots computed at <paramref name="now"/> stay the answer as time passes (the data
    /// unchanged): the first instant a slot would start, a slot would come inside the notice, or the
    /// clinic's date (and with it the booking window) would turn. Before it, nothing time decides differs.
    /// </summary>
    public DateTimeOffset StableUntil(IReadOnlyList<Slot> slots, DateTimeOffset now)
    {
        var nowUtc = now.UtcDateTime;
        // An hour early covers a daylight-saving change around midnight; ending early only costs a fresh computation.
        var until = Clinics.ClinicTime.StartOfDayUtc(LocalDate(now).AddDays(1), zone).AddHours(-1);
        var notice = TimeSpan.FromHours(policy.MinimumNoticeHours);
        foreach (var slot in slots)
        {
            if (slot.StartUtc > nowUtc && slot.StartUtc < until)
                until = slot.StartUtc;
            var entersNotice = slot.StartUtc - notice;
            if (entersNotice > nowUtc && entersNotice < until)
                until = entersNotice;
        }
        return new DateTimeOffset(DateTime.SpecifyKind(until <= nowUtc ? nowUtc : until, DateTimeKind.Utc));
    }

    /// <summary>
    /// Future bookings that the current schedule no longer offers (hours changed, day closed, capacity
    /// lowered): they stay booked and are shown to the doctor to sort out.
    /// </summary>
    public IReadOnlyList<AttentionItem> BookingsOutsideSchedule(DoctorSchedule schedule, IReadOnlyDictionary<DateTime, int> bookedSeats, DateTimeOffset now)
    {
        var context = new Context(schedule, now, LocalDate(now), policy, null);
        var items = new List<AttentionItem>();
        foreach (var byDate in bookedSeats.Where(b => b.Key > now.UtcDateTime && b.Value > 0).GroupBy(b => LocalDate(new DateTimeOffset(b.Key, TimeSpan.Zero))))
        {
            var day = Day(context, byDate.Key, bookedSeats).Select(d => d.ToSlot(schedule.DoctorId)).ToList();
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

    /// <summary>The slots of one day, in start order, in a buffer reused for the next day.</summary>
    private List<SlotData> Day(Context context, DateOnly date, IReadOnlyDictionary<DateTime, int> bookedSeats)
    {
        var closed = ClosedOn(context.Schedule, date);
        var day = context.DayBuffer;
        day.Clear();
        var clock = DayClock.For(zone, date);
        var sources = 0;
        foreach (var rule in context.RulesByDay[date.DayOfWeek])
        {
            Generate(context, clock, date, rule.From, rule.To, rule.SlotMinutes, rule.Capacity, SlotSource.Weekly, null, closed, bookedSeats, day);
            sources++;
        }
        foreach (var extra in context.ExtrasByDate[date])
        {
            var source = extra.Kind == ExceptionKind.AdHocSlot ? SlotSource.AdHoc : SlotSource.ExtraHours;
            Generate(context, clock, date, extra.From!.Value, extra.To!.Value, extra.SlotMinutes!.Value, extra.Capacity!.Value, source, extra.Id, closed, bookedSeats, day);
            sources++;
        }
        if (sources > 1)
            day.Sort(static (a, b) => a.StartUtc.CompareTo(b.StartUtc));

        // Never offer the doctor twice at once, even if a daylight-saving change makes two slots touch.
        var kept = 0;
        var lastEnd = DateTime.MinValue;
        for (var i = 0; i < day.Count; i++)
        {
            if (day[i].StartUtc < lastEnd)
                continue;
            lastEnd = day[i].EndUtc;
            day[kept++] = day[i];
        }
        day.RemoveRange(kept, day.Count - kept);
        if (context.Length is { } length)
            Fit(context, day, length);
        return day;
    }

    /// <summary>
    /// Where a type of visit fits: from a start that is itself free, the visit takes that slot and
    /// the consecutive ones of the same hours until it ends, then those its buffer reaches; all must
    /// be single-seat and free (a shared session must hold the visit in one slot). The buffer needs
    /// nothing once the doctor's hours end. Works forward, so each start is judged by the slots'
    /// own states.
    /// </summary>
    private static void Fit(Context context, List<SlotData> day, VisitLength length)
    {
        for (var i = 0; i < day.Count; i++)
        {
            var slot = day[i];
            var minutes = (int)(slot.EndUtc - slot.StartUtc).TotalMinutes;
            if (!Takeable(slot.State) || length.TakesOneSlot(minutes, slot.Capacity))
                continue;
            if (slot.Capacity > 1)
            {
                day[i] = slot with { State = SlotState.DoesNotFit, Reason = context.Reason(Misfit.SharedSession, length, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes))) };
                continue;
            }
            var visitEnd = slot.StartUtc.AddMinutes(length.Minutes);
            var keptFreeUntil = visitEnd.AddMinutes(length.BufferMinutes);
            var (end, localEnd, reachedEnd) = (slot.EndUtc, slot.LocalEnd, slot.EndUtc);
            var later = 0; // the slots after this one that the visit holds: day[i + 1] to day[i + later]
            string? refusal = null;
            for (var j = i + 1; reachedEnd < keptFreeUntil; j++)
            {
                var inVisit = reachedEnd < visitEnd;
                if (j >= day.Count || day[j].StartUtc != reachedEnd || day[j].Capacity > 1)
                {
                    // The hours end here: the visit cannot run on; time kept free after it needs nothing more.
                    if (inVisit)
                        refusal = context.Reason(Misfit.RunsPast, length, TimeOnly.FromDateTime(slot.LocalStart.AddMinutes(length.Minutes)));
                    break;
                }
                if (!Takeable(day[j].State))
                {
                    refusal = context.Reason(inVisit ? Misfit.Taken : Misfit.BufferTaken, length, TimeOnly.FromDateTime(day[j].LocalStart));
                    break;
                }
                later++;
                reachedEnd = day[j].EndUtc;
                if (inVisit)
                    (end, localEnd) = (day[j].EndUtc, day[j].LocalEnd);
            }
            if (refusal is not null)
                day[i] = slot with { State = SlotState.DoesNotFit, Reason = refusal };
            else
                day[i] = slot with { EndUtc = end, LocalEnd = localEnd, Later = context.KeepSpans ? Starts(day, i + 1, later) : null };
        }
    }

    private static DateTime[] Starts(List<SlotData> day, int from, int count)
    {
        var starts = new DateTime[count];
        for (var k = 0; k < count; k++)
            starts[k] = day[from + k].StartUtc;
        return starts;
    }

    private enum Misfit { RunsPast, Taken, BufferTaken, SharedSession }

    // A start the front desk could take: free, even if too soon or beyond the window for patients.
    private static bool Takeable(SlotState state) => state is SlotState.Available or SlotState.TooSoon or SlotState.OutsideWindow;

    private void Generate(Context context, DayClock clock, DateOnly date, TimeOnly from, TimeOnly to, int minutes, int capacity, SlotSource source, Guid? exceptionId,
        ScheduleException? closed, IReadOnlyDictionary<DateTime, int> bookedSeats, List<SlotData> into)
    {
        var windowEnd = date.ToDateTime(to);
        // A slot that does not fit before the end of the window is not offered: no short tail slot.
        for (var local = date.ToDateTime(from); local.AddMinutes(minutes) <= windowEnd; local = local.AddMinutes(minutes))
        {
            if (!clock.TryToUtc(local, out var startUtc))
                continue;
            var switched = context.Switches.TryGetValue(startUtc, out var switchState);
            if (switched && switchState == SlotSwitchState.Removed)
                continue;
            var endUtc = startUtc.AddMinutes(minutes);
            var booked = bookedSeats.TryGetValue(startUtc, out var count) ? count : 0;
            var (state, reason) = Decide(context, local, startUtc, capacity, booked, closed, switched);
            into.Add(new SlotData(startUtc, endUtc, local, clock.ToLocal(endUtc), capacity, booked, state, reason, source, exceptionId));
        }
    }

    private (SlotState, string) Decide(Context context, DateTime local, DateTime startUtc, int capacity, int booked, ScheduleException? closed, bool switched)
    {
        if (closed is not null)
            return (SlotState.Closed, context.ClosedReason(closed));
        if (startUtc <= context.NowUtc)
            return (SlotState.Past, "This time has passed.");
        if (switched)
            return (SlotState.Disabled, "The doctor has made this slot unavailable.");
        if (booked >= capacity)
            return (SlotState.Full, capacity == 1 ? "Already booked" : context.Reason(capacity, 0));
        if (startUtc < context.NoticeUtc)
            return (SlotState.TooSoon, context.TooSoonReason);
        if (DateOnly.FromDateTime(local) > context.LastBookableDate)
            return (SlotState.OutsideWindow, context.OutsideWindowReason);
        return (SlotState.Available, capacity == 1 ? "Available" : context.Reason(capacity, capacity - booked));
    }

    private static string Hours(int hours) => hours == 1 ? "1 hour" : string.Create(CultureInfo.InvariantCulture, $"{hours} hours");

    private static ScheduleException? ClosedOn(DoctorSchedule schedule, DateOnly date) =>
        schedule.Exceptions.FirstOrDefault(e => e.Kind == ExceptionKind.Closed && e.Covers(date));

    /// <summary>The schedule indexed once per computation.</summary>
    private sealed class Context(DoctorSchedule schedule, DateTimeOffset now, DateOnly today, SchedulingPolicy policy, VisitLength? length)
    {
        public DoctorSchedule Schedule { get; } = schedule;
        public VisitLength? Length { get; } = length;
        public DateTime NowUtc { get; } = now.UtcDateTime;
        public DateTime NoticeUtc { get; } = now.UtcDateTime.AddHours(policy.MinimumNoticeHours);
        public DateOnly LastBookableDate { get; } = today.AddDays(policy.BookingWindowDays);
        public ILookup<DayOfWeek, WeeklyRule> RulesByDay { get; } = schedule.Rules.ToLookup(r => r.Day);
        public ILookup<DateOnly, ScheduleException> ExtrasByDate { get; } =
            schedule.Exceptions.Where(e => e.Kind != ExceptionKind.Closed).ToLookup(e => e.FirstDate);
        public Dictionary<DateTime, SlotSwitchState> Switches { get; } = schedule.Switches
            .GroupBy(s => s.StartUtc).ToDictionary(g => g.Key, g => g.Last().State);
        public List<SlotData> DayBuffer { get; } = [];
        public string TooSoonReason { get; } = $"Bookings close {Hours(policy.MinimumNoticeHours)} before the start.";
        public string OutsideWindowReason { get; } = $"Bookings open {policy.BookingWindowDays} days ahead.";

        // Reasons repeat across thousands of slots: build each sentence once per computation.
        private readonly Dictionary<(int, int), string> seatReasons = [];
        private readonly Dictionary<Guid, string> closedReasons = [];

        public string Reason(int capacity, int left)
        {
            if (!seatReasons.TryGetValue((capacity, left), out var reason))
            {
                reason = left == 0 ? $"Fully booked ({capacity} of {capacity} seats taken)" : $"{left} of {capacity} seats left";
                seatReasons[(capacity, left)] = reason;
            }
            return reason;
        }

        /// <summary>Whether slots carry the later starts they hold (a day summary needs only the states).</summary>
        public bool KeepSpans { get; init; } = true;

        private readonly Dictionary<(Misfit, TimeOnly), string> misfitReasons = [];

        /// <param name="at">The time the sentence names; for a shared session, its length.</param>
        public string Reason(Misfit misfit, VisitLength length, TimeOnly at)
        {
            if (!misfitReasons.TryGetValue((misfit, at), out var reason))
            {
                reason = misfit switch
                {
                    Misfit.RunsPast => $"Needs {length.Minutes} min: it would run past the doctor's hours (until {at:HH:mm}).",
                    Misfit.Taken => $"Needs {length.Minutes} min: {at:HH:mm} is not free.",
                    Misfit.BufferTaken => $"Needs {length.BufferMinutes} min kept free after the visit: {at:HH:mm} is not free.",
                    _ => $"Needs {length.Minutes} min: a shared {(int)at.ToTimeSpan().TotalMinutes}-minute session must hold the whole visit.",
                };
                misfitReasons[(misfit, at)] = reason;
            }
            return reason;
        }

        public string ClosedReason(ScheduleException closed)
        {
            if (!closedReasons.TryGetValue(closed.Id, out var reason))
                closedReasons[closed.Id] = reason = $"Closed: {closed.Reason}";
            return reason;
        }
    }
}

/// <summary>A slot while it is being worked out: a value, so a day of them allocates nothing.</summary>
internal readonly record struct SlotData(
    DateTime StartUtc, DateTime EndUtc, DateTime LocalStart, DateTime LocalEnd, int Capacity, int Booked,
    SlotState State, string Reason, SlotSource Source, Guid? ExceptionId, DateTime[]? Later = null)
{
    public Slot ToSlot(Guid doctorId) =>
        new(doctorId, StartUtc, EndUtc, LocalStart, LocalEnd, Capacity, Booked, State, Reason, Source, ExceptionId, Later);
}

/// <summary>One clinic-local day of a doctor's calendar.</summary>
public sealed record DaySummary(DateOnly Date, int Slots, int AvailableSlots, int SeatsLeft, string? ClosedReason)
{
    public bool IsClosed => ClosedReason is not null;
}

/// <summary>A booking the current schedule no longer offers.</summary>
public sealed record AttentionItem(DateTime StartUtc, DateTime LocalStart, int Bookings, string Reason);
