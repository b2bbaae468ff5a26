using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Clinic.Domain.Common;
using Clinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Booking;

/// <summary>
/// What taking a seat needs to know, read inside the write transaction in two statements: the
/// doctor with their clinic, the patient's name and the schedule of that one start's day; then the
/// seats held at every start the visit covers and the patient's bookings overlapping it. Compiled once, so a booking pays no
/// query translation; the slot itself is worked out in memory by the calculator.
/// </summary>
internal sealed record SlotScene(ClinicLocation Clinic, string DoctorUserId, string DoctorName, string? PatientName, DoctorSchedule Schedule)
{
    public AvailabilityCalculator Calculator { get; } = new(Clinic.TimeZone, Clinic.Policy);

    /// <summary>The doctor, the clinic and the rules, exceptions and switches from <paramref name="startUtc"/>; null for an unknown doctor.</summary>
    public static async Task<SlotScene?> LoadAsync(ClinicDbContext db, Guid doctorId, string patientUserId, DateTime startUtc, CancellationToken cancellationToken)
    {
        startUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        // The local date is not known before the clinic's zone is: a day either side covers every zone.
        var utcDate = DateOnly.FromDateTime(startUtc);
        // Switches from that start for a day: a visit longer than its slot covers later ones too.
        var (first, last) = (utcDate.AddDays(-1), utcDate.AddDays(1));
        var row = await Scene.For(db)(db, doctorId, patientUserId, startUtc, startUtc.AddDays(1), first, last,
            first.DayOfWeek, utcDate.DayOfWeek, last.DayOfWeek, cancellationToken);
        return row is null ? null
            : new SlotScene(row.Clinic, row.DoctorUserId, row.DoctorName, row.PatientName, new DoctorSchedule(doctorId, row.Rules, row.Exceptions, row.Switches));
    }

    /// <summary>
    /// The slot at that start for a visit of <paramref name="length"/> (null: one slot), as the
    /// schedule and the seats held there and at each later start it covers make it; null when the
    /// schedule has no slot there. The schedule alone says which starts the visit covers; one read
    /// then finds the seats held at them.
    /// </summary>
    public async Task<SeatPicture?> CheckAsync(ClinicDbContext db, DateTime startUtc, string patientUserId, Guid? except, DateTimeOffset now,
        VisitLength? length, CancellationToken cancellationToken)
    {
        if (Calculator.SlotAt(Schedule, startUtc, now, NoneHeld, length) is not { } scheduled)
            return null;
        var seats = await SeatsAsync(db, scheduled, patientUserId, except, cancellationToken);
        return seats with { Slot = Calculator.SlotAt(Schedule, startUtc, now, seats.HeldPerStart, length)! };
    }

    private static readonly IReadOnlyDictionary<DateTime, int> NoneHeld = new Dictionary<DateTime, int>();

    /// <summary>
    /// Seats held at each start the slot covers (by appointments other than <paramref name="except"/>),
    /// and whether the patient holds another appointment overlapping its time: one statement.
    /// </summary>
    public static async Task<SeatPicture> SeatsAsync(ClinicDbContext db, Slot slot, string patientUserId, Guid? except, CancellationToken cancellationToken)
    {
        var held = new Dictionary<DateTime, List<int>>();
        var patientBusy = false;
        var lastStart = slot.HeldStarts[^1];
        await foreach (var probe in Probes.For(db)(db, slot.DoctorId, slot.StartUtc, lastStart, slot.EndUtc, slot.StartUtc - Appointment.LongestVisit, patientUserId, except ?? Guid.Empty).WithCancellation(cancellationToken))
        {
            if (probe.Seat == PatientProbe)
            {
                patientBusy = true;
                continue;
            }
            var start = DateTime.SpecifyKind(probe.StartUtc, DateTimeKind.Utc);
            if (!held.TryGetValue(start, out var seats))
                held[start] = seats = [];
            seats.Add(probe.Seat);
        }
        return new SeatPicture(slot, held.GetValueOrDefault(slot.StartUtc) ?? [], patientBusy)
        {
            HeldPerStart = held.ToDictionary(h => h.Key, h => h.Value.Count),
        };
    }

    private sealed record SceneRow(ClinicLocation Clinic, string DoctorUserId, string DoctorName, string? PatientName,
        List<WeeklyRule> Rules, List<ScheduleException> Exceptions, List<SlotSwitch> Switches);

    private static readonly CompiledPerModel<Func<ClinicDbContext, Guid, string, DateTime, DateTime, DateOnly, DateOnly, DayOfWeek, DayOfWeek, DayOfWeek, CancellationToken, Task<SceneRow?>>> Scene = new(() =>
        EF.CompileAsyncQuery((ClinicDbContext db, Guid doctorId, string patientUserId, DateTime startUtc, DateTime untilUtc, DateOnly first, DateOnly last,
            DayOfWeek before, DayOfWeek on, DayOfWeek after, CancellationToken _) =>
            db.Doctors.AsNoTracking().Where(d => d.Id == doctorId)
                .Join(db.Clinics.AsNoTracking(), d => d.ClinicId, c => c.Id, (d, c) => new SceneRow(
                    c, d.UserId, d.FullName,
                    db.Users.Where(u => u.Id == patientUserId).Select(u => u.FullName).FirstOrDefault(),
                    db.WeeklyRules.AsNoTracking().Where(r => r.DoctorId == d.Id && (r.Day == before || r.Day == on || r.Day == after)).ToList(),
                    db.ScheduleExceptions.AsNoTracking().Where(e => e.DoctorId == d.Id && e.LastDate >= first && e.FirstDate <= last).ToList(),
                    db.SlotSwitches.AsNoTracking().Where(s => s.DoctorId == d.Id && s.StartUtc >= startUtc && s.StartUtc < untilUtc).ToList()))
                // One statement inside the write transaction, though its three lists multiply: they cover the
                // three dates around one start only (the rules of those weekdays, a day of switches).
                .AsSingleQuery()
                .FirstOrDefault()));

    // A probe row: a seat held at a start, or (seat 0) an appointment of the patient's at that time.
    private const int PatientProbe = 0;

    private sealed class Probe
    {
        public DateTime StartUtc { get; init; }
        public int Seat { get; init; }
    }

    private static readonly CompiledPerModel<Func<ClinicDbContext, Guid, DateTime, DateTime, DateTime, DateTime, string, Guid, IAsyncEnumerable<Probe>>> Probes = new(() =>
        EF.CompileAsyncQuery((ClinicDbContext db, Guid doctorId, DateTime startUtc, DateTime lastStartUtc, DateTime endUtc, DateTime earliestUtc, string patientUserId, Guid except) =>
            db.Seats.Where(s => s.DoctorId == doctorId && s.StartUtc >= startUtc && s.StartUtc <= lastStartUtc && s.AppointmentId != except)
                .Select(s => new Probe { StartUtc = s.StartUtc, Seat = s.SeatNumber })
                .Concat(db.Appointments.IgnoreAutoIncludes().AsNoTracking().Where(SeatHolders.Only)
                    .Where(a => a.PatientUserId == patientUserId && a.StartUtc > earliestUtc && a.StartUtc < endUtc && a.EndUtc > startUtc && a.Id != except && !a.IsDeleted)
                    .Select(a => new Probe { StartUtc = a.StartUtc, Seat = PatientProbe }))));
}

/// <summary>The seats taken at one slot's start and whether the patient is already busy then.</summary>
internal sealed record SeatPicture(Slot Slot, IReadOnlyList<int> Taken, bool PatientBusy)
{
    /// <summary>How many seats are held at each start the slot covers.</summary>
    public IReadOnlyDictionary<DateTime, int> HeldPerStart { get; init; } = new Dictionary<DateTime, int>();

    /// <summary>
    /// The seat this person may take here, or why not, in this order: the slot's state, the
    /// patient's other visit (said with <paramref name="patientBusy"/>), no seat left.
    /// </summary>
    public Result<int> SeatFor(AppointmentActor by, int attempt, string patientBusy) =>
        SlotRefusals.For(by, Slot) is { } refused ? Result<int>.From(refused)
        : PatientBusy ? Result<int>.Refused(RefusalCodes.PatientBusy, patientBusy)
        : FreeSeat(attempt) is { } seat ? Result<int>.Ok(seat)
        : Result<int>.Refused(RefusalCodes.SlotFull, SlotRefusals.FullReason(Slot));

    /// <summary>
    /// The lowest free seat; after a lost race a random free one, so that writers who collided
    /// once spread out instead of colliding again on the next seat.
    /// </summary>
    public int? FreeSeat(int attempt)
    {
        var free = Enumerable.Range(1, Slot.SeatsTotal).Where(seat => !Taken.Contains(seat)).ToList();
        if (free.Count == 0)
            return null;
        return attempt == 1 ? free[0] : free[Random.Shared.Next(free.Count)];
    }
}
