using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Clinic.Domain.Common;
using Clinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Booking;

/// <summary>
/// What taking a seat needs to know, read inside the write transaction in two statements: the
/// doctor with their clinic, the patient's name and the schedule of that one start's day; then every
/// live booking at that start or overlapping it for the patient. Compiled once, so a booking pays no
/// query translation; the slot itself is worked out in memory by the calculator.
/// </summary>
internal sealed record SlotScene(ClinicLocation Clinic, string DoctorUserId, string DoctorName, string? PatientName, DoctorSchedule Schedule)
{
    public AvailabilityCalculator Calculator { get; } = new(Clinic.TimeZone, Clinic.Policy);

    /// <summary>The doctor, the clinic and the rules, exceptions and switch for <paramref name="startUtc"/>; null for an unknown doctor.</summary>
    public static async Task<SlotScene?> LoadAsync(ClinicDbContext db, Guid doctorId, string patientUserId, DateTime startUtc, CancellationToken cancellationToken)
    {
        startUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        // The local date is not known before the clinic's zone is: a day either side covers every zone.
        var utcDate = DateOnly.FromDateTime(startUtc);
        var row = await Scene.For(db)(db, doctorId, patientUserId, startUtc, utcDate.AddDays(-1), utcDate.AddDays(1), cancellationToken);
        return row is null ? null
            : new SlotScene(row.Clinic, row.DoctorUserId, row.DoctorName, row.PatientName, new DoctorSchedule(doctorId, row.Rules, row.Exceptions, row.Switches));
    }

    /// <summary>The slot at that start with the seats already taken there (0 before they are known).</summary>
    public Slot? SlotAt(DateTime startUtc, DateTimeOffset now, int seatsTaken = 0) =>
        Calculator.SlotAt(Schedule, startUtc, now, seatsTaken);

    /// <summary>The slot at that start as the schedule and the seats taken there make it; null when the schedule has none.</summary>
    public async Task<SeatPicture?> CheckAsync(ClinicDbContext db, DateTime startUtc, string patientUserId, Guid? except, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (SlotAt(startUtc, now) is not { } scheduled)
            return null;
        var seats = await SeatsAsync(db, scheduled, patientUserId, except, cancellationToken);
        return seats with { Slot = SlotAt(startUtc, now, seats.Taken.Count)! };
    }

    /// <summary>Seats held at the slot's start, and whether the patient holds another appointment overlapping it.</summary>
    public static async Task<SeatPicture> SeatsAsync(ClinicDbContext db, Slot slot, string patientUserId, Guid? except, CancellationToken cancellationToken)
    {
        var taken = new List<int>();
        var patientBusy = false;
        await foreach (var holder in Holders.For(db)(db, slot.DoctorId, slot.StartUtc, slot.EndUtc, patientUserId, except ?? Guid.Empty).WithCancellation(cancellationToken))
        {
            if (holder.DoctorId == slot.DoctorId && holder.StartUtc == slot.StartUtc)
                taken.Add(holder.SeatNumber);
            if (holder.PatientUserId == patientUserId && holder.Id != except && !holder.IsDeleted && holder.StartUtc < slot.EndUtc && holder.EndUtc > slot.StartUtc)
                patientBusy = true;
        }
        return new SeatPicture(slot, taken, patientBusy);
    }

    private sealed record SceneRow(ClinicLocation Clinic, string DoctorUserId, string DoctorName, string? PatientName,
        List<WeeklyRule> Rules, List<ScheduleException> Exceptions, List<SlotSwitch> Switches);

    private sealed record Holder(Guid Id, Guid DoctorId, DateTime StartUtc, DateTime EndUtc, string PatientUserId, int SeatNumber, bool IsDeleted);

    private static readonly CompiledPerModel<Func<ClinicDbContext, Guid, string, DateTime, DateOnly, DateOnly, CancellationToken, Task<SceneRow?>>> Scene = new(() =>
        EF.CompileAsyncQuery((ClinicDbContext db, Guid doctorId, string patientUserId, DateTime startUtc, DateOnly first, DateOnly last, CancellationToken _) =>
            db.Doctors.AsNoTracking().Where(d => d.Id == doctorId)
                .Join(db.Clinics.AsNoTracking(), d => d.ClinicId, c => c.Id, (d, c) => new SceneRow(
                    c, d.UserId, d.FullName,
                    db.Users.Where(u => u.Id == patientUserId).Select(u => u.FullName).FirstOrDefault(),
                    db.WeeklyRules.AsNoTracking().Where(r => r.DoctorId == d.Id).ToList(),
                    db.ScheduleExceptions.AsNoTracking().Where(e => e.DoctorId == d.Id && e.LastDate >= first && e.FirstDate <= last).ToList(),
                    db.SlotSwitches.AsNoTracking().Where(s => s.DoctorId == d.Id && s.StartUtc == startUtc).ToList()))
                .FirstOrDefault()));

    // Seats count by status alone, as the seat index's filter does.
    private static readonly CompiledPerModel<Func<ClinicDbContext, Guid, DateTime, DateTime, string, Guid, IAsyncEnumerable<Holder>>> Holders = new(() =>
        EF.CompileAsyncQuery((ClinicDbContext db, Guid doctorId, DateTime startUtc, DateTime endUtc, string patientUserId, Guid except) =>
            db.Appointments.AsNoTracking()
                .Where(SeatHolders.Only)
                .Where(a => (a.DoctorId == doctorId && a.StartUtc == startUtc)
                    || (a.PatientUserId == patientUserId && a.StartUtc < endUtc && a.EndUtc > startUtc && a.Id != except))
                .Select(a => new Holder(a.Id, a.DoctorId, a.StartUtc, a.EndUtc, a.PatientUserId, a.SeatNumber, a.IsDeleted))));
}

/// <summary>The seats taken at one slot's start and whether the patient is already busy then.</summary>
internal sealed record SeatPicture(Slot Slot, IReadOnlyList<int> Taken, bool PatientBusy)
{
    /// <summary>
    /// The lowest free seat; after a lost race a random free one, so that writers who collided
    /// once spread out instead of colliding again on the next seat.
    /// </summary>
    /// <summary>
    /// The seat this person may take here, or why not, in this order: the slot's state, the
    /// patient's other visit (said with <paramref name="patientBusy"/>), no seat left.
    /// </summary>
    public Result<int> SeatFor(AppointmentActor by, int attempt, string patientBusy) =>
        SlotRefusals.For(by, Slot) is { } refused ? Result<int>.From(refused)
        : PatientBusy ? Result<int>.Refused(RefusalCodes.PatientBusy, patientBusy)
        : FreeSeat(attempt) is { } seat ? Result<int>.Ok(seat)
        : Result<int>.Refused(RefusalCodes.SlotFull, SlotRefusals.FullReason(Slot));

    public int? FreeSeat(int attempt)
    {
        var free = Enumerable.Range(1, Slot.SeatsTotal).Where(seat => !Taken.Contains(seat)).ToList();
        if (free.Count == 0)
            return null;
        return attempt == 1 ? free[0] : free[Random.Shared.Next(free.Count)];
    }
}
