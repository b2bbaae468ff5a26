using Clinic.Data.Doctors;
using Clinic.Data.Persistence;
using Clinic.Domain.Clinics;
using Clinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Scheduling;

/// <summary>What patients and the front desk read: slots computed on demand from schedules and bookings.</summary>
public sealed class AvailabilityQueries(IDbContextFactory<ClinicDbContext> contexts, SharedReads sharedReads, AvailabilityAnswers answers, TimeProvider clock)
{
    public const int MaxBulkDoctors = 200;
    public const int MaxBulkDays = 62;

    private InFlightReads<(Guid DoctorId, DateOnly First, int Days, VisitLength? Length), DoctorAvailability?> doctorReads => sharedReads.Doctors;

    public async Task<ClinicCalendar?> CalendarAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = await ScheduleData.ClinicAsync(db, cancellationToken);
        return clinic is null ? null : Calendar(clinic);
    }

    /// <summary>Every slot and day of one doctor, <paramref name="days"/> days from <paramref name="first"/>.</summary>
    /// <param name="afterAnnouncedChange">
    /// The caller is a live page re-querying because a change was announced: a read finished since
    /// that change (another open page's) answers it as well.
    /// </param>
    /// <param name="length">
    /// For a type of visit: only the starts where it fits are open; the others say why
    /// (<see cref="SlotState.DoesNotFit"/>). Null: every free slot, as for a visit of one slot.
    /// </param>
    public Task<DoctorAvailability?> ForDoctorAsync(Guid doctorId, DateOnly first, int days, CancellationToken cancellationToken = default,
        bool afterAnnouncedChange = false, VisitLength? length = null)
    {
        days = Math.Clamp(days, 1, MaxBulkDays);
        return doctorReads.ReadAsync((doctorId, first, days, length), () => ReadDoctorAsync(doctorId, first, days, length, CancellationToken.None), cancellationToken,
            finishedToo: afterAnnouncedChange);
    }

    /// <summary>
    /// Where an appointment could move: its doctor's days for its type's length, with its own seats
    /// counted free (a long visit may move onto part of its own time).
    /// </summary>
    public async Task<DoctorAvailability?> ForMoveAsync(Guid appointmentId, DateOnly first, int days, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visit = await db.Appointments.IgnoreAutoIncludes().AsNoTracking().Where(a => a.Id == appointmentId)
            .Select(a => new { a.DoctorId, a.ServiceId }).FirstOrDefaultAsync(cancellationToken);
        if (visit is null)
            return null;
        var length = await Types.AppointmentTypes.LengthAsync(db, visit.ServiceId, cancellationToken);
        return (await ComputeAsync(db, visit.DoctorId, first, Math.Clamp(days, 1, MaxBulkDays), length, appointmentId, clock.GetUtcNow(), cancellationToken)).Result;
    }

    private async Task<DoctorAvailability?> ReadDoctorAsync(Guid doctorId, DateOnly first, int days, VisitLength? length, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The stamp before the data: a change committed in between leaves a kept answer newer than
        // its stamp, which only costs the next request a fresh computation.
        if (await AvailabilityStamp.ReadAsync(db, doctorId, cancellationToken) is not { } stamp)
            return null;
        var key = new AvailabilityAnswers.Key(doctorId, first, days, length);
        var now = clock.GetUtcNow();
        if (answers.Find(key, stamp, now) is { } kept)
            return kept;
        var (result, until) = await ComputeAsync(db, doctorId, first, days, length, null, now, cancellationToken);
        if (result is not null)
            answers.Keep(key, stamp, now, until, result);
        return result;
    }

    private async Task<(DoctorAvailability? Result, DateTimeOffset StableUntil)> ComputeAsync(ClinicDbContext db, Guid doctorId, DateOnly first, int days,
        VisitLength? length, Guid? except, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Two statements: the doctor's clinic and schedule, then the seats taken per start.
        var last = first.AddDays(days - 1);
        if (await ScheduleData.DoctorAsync(db, doctorId, first, last, cancellationToken) is not (var clinic, var schedule))
            return (null, now);
        var (fromUtc, toUtc) = ScheduleData.UtcBounds(first, last);
        var booked = await ScheduleData.BookedSeatsAsync(db, doctorId, fromUtc, toUtc, cancellationToken, except);
        var calculator = new AvailabilityCalculator(clinic.TimeZone, clinic.Policy);
        var slots = calculator.Compute(schedule, first, last, now, booked, length);
        var result = new DoctorAvailability(doctorId, Calendar(clinic, now), calculator.SummarizeDays(schedule, first, last, slots), slots);
        return (result, calculator.StableUntil(slots, now));
    }

    /// <summary>Several doctors over several dates in one request, for the front desk; with a length, the free starts are those where it fits.</summary>
    public async Task<IReadOnlyList<DoctorDays>> BulkAsync(IReadOnlyCollection<Guid> doctorIds, IReadOnlyCollection<DateOnly> dates, CancellationToken cancellationToken = default,
        VisitLength? length = null)
    {
        if (doctorIds.Count == 0 || dates.Count == 0)
            return [];
        if (doctorIds.Count > MaxBulkDoctors || dates.Max().DayNumber - dates.Min().DayNumber >= MaxBulkDays)
            throw new ArgumentException($"Ask for at most {MaxBulkDoctors} doctors over at most {MaxBulkDays} days at once.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = await ScheduleData.ClinicAsync(db, cancellationToken);
        if (clinic is null)
            return [];
        var doctors = await DoctorDirectory.ActiveDoctors(db).Where(d => doctorIds.Contains(d.Id)).ToListAsync(cancellationToken);
        var ids = doctors.Select(d => d.Id).ToList();
        var loaded = await LoadAsync(db, clinic, ids, dates.Min(), dates.Max(), cancellationToken);
        var wanted = dates.ToHashSet();
        return [.. doctors.OrderBy(d => d.FullName).Select(d => new DoctorDays(d.Id, d.FullName, d.Specialization,
            [.. loaded.Summaries(d.Id, length).Where(day => wanted.Contains(day.Date))]))];
    }

    /// <summary>The first bookable slot of each active doctor within the booking window (none if fully booked).</summary>
    public async Task<IReadOnlyDictionary<Guid, Slot>> NextAvailableAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = await ScheduleData.ClinicAsync(db, cancellationToken);
        if (clinic is null)
            return new Dictionary<Guid, Slot>();
        var ids = await DoctorDirectory.ActiveDoctors(db).Select(d => d.Id).ToListAsync(cancellationToken);
        var calendar = Calendar(clinic);
        var loaded = await LoadAsync(db, clinic, ids, calendar.Today, calendar.LastBookableDate, cancellationToken);
        var next = new Dictionary<Guid, Slot>();
        foreach (var id in ids)
        {
            // Day totals first; slots only for the first day that has an open one.
            if (loaded.Summaries(id).FirstOrDefault(d => d.AvailableSlots > 0) is { } day)
                next[id] = loaded.Slots(id, day.Date, day.Date).First(s => s.IsBookable);
        }
        return next;
    }

    internal async Task<Dictionary<Guid, (IReadOnlyList<Slot> Slots, IReadOnlyList<DaySummary> Days)>> ComputeAsync(
        ClinicDbContext db, ClinicLocation clinic, IReadOnlyCollection<Guid> doctorIds, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(db, clinic, doctorIds, first, last, cancellationToken);
        return doctorIds.ToDictionary(id => id, id =>
        {
            var slots = loaded.Slots(id, first, last);
            return (slots, loaded.Calculator.SummarizeDays(loaded.Schedules[id], first, last, slots));
        });
    }

    /// <summary>Schedules and seat counts of many doctors, loaded with one query per table.</summary>
    private async Task<Loaded> LoadAsync(ClinicDbContext db, ClinicLocation clinic, IReadOnlyCollection<Guid> doctorIds, DateOnly first, DateOnly last,
        CancellationToken cancellationToken)
    {
        var schedules = await ScheduleData.SchedulesAsync(db, doctorIds, first, last, cancellationToken);
        var (fromUtc, toUtc) = ScheduleData.UtcBounds(first, last);
        var booked = await ScheduleData.BookedSeatsAsync(db, doctorIds, fromUtc, toUtc, cancellationToken);
        return new Loaded(new AvailabilityCalculator(clinic.TimeZone, clinic.Policy), schedules, booked, first, last, clock.GetUtcNow());
    }

    private sealed record Loaded(AvailabilityCalculator Calculator, Dictionary<Guid, DoctorSchedule> Schedules,
        Dictionary<Guid, Dictionary<DateTime, int>> Booked, DateOnly First, DateOnly Last, DateTimeOffset Now)
    {
        public IReadOnlyList<Slot> Slots(Guid doctorId, DateOnly first, DateOnly last) =>
            Calculator.Compute(Schedules[doctorId], first, last, Now, Booked[doctorId]);

        public IReadOnlyList<DaySummary> Summaries(Guid doctorId, VisitLength? length = null) =>
            Calculator.SummarizeDays(Schedules[doctorId], First, Last, Now, Booked[doctorId], length);
    }

    private ClinicCalendar Calendar(ClinicLocation clinic) => Calendar(clinic, clock.GetUtcNow());

    private static ClinicCalendar Calendar(ClinicLocation clinic, DateTimeOffset now)
    {
        var today = ClinicTime.DateOf(now, clinic.TimeZone);
        return new ClinicCalendar(clinic.TimeZoneId, today, today.AddDays(clinic.BookingWindowDays), clinic.Policy, clinic.CancellationCutoffHours, clinic.Phone);
    }
}
