using Clinic.Data.Messaging;
using Clinic.Data.Notifications;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Data.Waitlist;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Clinic.Domain.Common;
using Clinic.Domain.Events;
using Clinic.Domain.Identity;
using Clinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Booking;

/// <summary>
/// Books, confirms, cancels, completes, reschedules and deletes appointments. Each operation runs in
/// one transaction (on SQLite an immediate one: one writer at a time), checks the permission matrix
/// and the slot through the domain; what the appointment records is announced after commit by the
/// database context (<see cref="AfterCommit"/>).
/// </summary>
public sealed class BookingService(IDbContextFactory<ClinicDbContext> contexts, AvailabilityQueries availability, SeatRaces seatRaces, TimeProvider clock)
{
    public const string ChangedMeanwhile = "Someone else changed this appointment a moment ago. It now shows its current state; check it and try again.";
    private const string Gone = "That appointment no longer exists.";

    public async Task<Result<Booked>> BookAsync(AppointmentActor by, BookingRequest request, CancellationToken cancellationToken = default)
    {
        var forSomeoneElse = request.PatientUserId is not null && request.PatientUserId != by.UserId;
        if (AppointmentPermissions.BookingRefusal(by, forSomeoneElse) is { } refused)
            return Result<Booked>.Refused(RefusalCodes.Forbidden, refused);
        if (Appointment.NoteProblem(request.Note) is { } badNote)
            return Result<Booked>.Failure(badNote);

        // The seat index is the guarantee. On PostgreSQL writers really race: one that chose a seat
        // another took meanwhile reads again and answers from what it finds (another seat, or full).
        var patientUserId = forSomeoneElse ? request.PatientUserId! : by.UserId;
        return await seatRaces.RetryAsync("book", DatabaseFaults.IsSeatTaken,
            attempt => TryBookAsync(by, request, patientUserId, attempt, cancellationToken));
    }

    private async Task<Result<Booked>> TryBookAsync(AppointmentActor by, BookingRequest request, string patientUserId, int attempt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        if (by.IsClinic && !await IsActivePatientAsync(db, patientUserId, cancellationToken))
            return Result<Booked>.Failure("Choose a registered, active patient.");
        if (request.ServiceId is { } serviceId && !await db.Services.AnyAsync(s => s.Id == serviceId, cancellationToken))
            return Result<Booked>.Failure("That service is no longer offered.");

        var slot = await SlotAsync(db, clinic, request.DoctorId, request.StartUtc, cancellationToken);
        if (slot is null)
            return Result<Booked>.Refused(RefusalCodes.NoSuchSlot, "That time is not in the doctor's schedule.");
        if (Refusal(by, slot) is { } notBookable)
            return Result<Booked>.From(notBookable);
        if (await OverlapsAsync(db, patientUserId, slot, null, cancellationToken))
            return Result<Booked>.Refused(RefusalCodes.PatientBusy, by.IsClinic ? "The patient already has an appointment at that time." : "You already have an appointment at that time.");
        if (await FreeSeatAsync(db, slot, attempt, cancellationToken) is not { } seat)
            return Result<Booked>.Refused(RefusalCodes.SlotFull, FullReason(slot));

        var status = by.IsClinic ? AppointmentStatus.Confirmed : AppointmentStatus.Pending;
        var appointment = Appointment.Create(request.DoctorId, patientUserId, slot.StartUtc, slot.EndUtc, seat, Now, status, by.UserId, by.Name, request.ServiceId, request.Note);
        db.Appointments.Add(appointment);
        await AppointmentNoticeWriter.WriteAsync(db, clinic, appointment, null, null, by, Now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<Booked>.Ok(new Booked(appointment.Id, status, slot.LocalStart, slot.LocalEnd, clinic.TimeZoneId));
    }

    public Task<Result> ConfirmAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, appointmentId, expectedVersion, cancellationToken, (a, _) => Task.FromResult(a.Confirm(by, Now)));

    public Task<Result> CancelAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, appointmentId, expectedVersion, cancellationToken, (a, context) => Task.FromResult(a.Cancel(by, reason, Now, context.Clinic.CancellationCutoffHours)));

    public Task<Result> CompleteAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, appointmentId, expectedVersion, cancellationToken, (a, _) => Task.FromResult(a.Complete(by, Now)));

    public Task<Result> MarkNoShowAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, appointmentId, expectedVersion, cancellationToken, (a, _) => Task.FromResult(a.MarkNoShow(by, Now)));

    public Task<Result> AdvanceStageAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, appointmentId, expectedVersion, cancellationToken, (a, _) => Task.FromResult(a.AdvanceStage(by, Now)));

    public Task<Result> EditNoteAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, string? note, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, appointmentId, expectedVersion, cancellationToken, (a, _) => Task.FromResult(a.EditNote(by, note, Now)));

    public Task<Result> DeleteAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, appointmentId, expectedVersion, cancellationToken, (a, _) => Task.FromResult(a.Delete(by, Now)));

    /// <summary>One atomic move: the new seat is taken and the old one freed in the same transaction, or nothing changes.</summary>
    public Task<Result> RescheduleAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, DateTime newStartUtc, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, appointmentId, expectedVersion, cancellationToken, async (a, context) =>
        {
            var slot = await SlotAsync(context.Db, context.Clinic, a.DoctorId, newStartUtc, cancellationToken);
            if (slot is null)
                return Result.Refused(RefusalCodes.NoSuchSlot, "That time is not in the doctor's schedule.");
            if (slot.StartUtc == a.StartUtc)
                return Result.Failure("The appointment is already at that time.");
            if (Refusal(by, slot) is { } notBookable)
                return notBookable;
            if (await OverlapsAsync(context.Db, a.PatientUserId, slot, a.Id, cancellationToken))
                return Result.Refused(RefusalCodes.PatientBusy, "The patient already has an appointment at that time.");
            if (await FreeSeatAsync(context.Db, slot, context.Attempt, cancellationToken) is not { } seat)
                return Result.Refused(RefusalCodes.SlotFull, FullReason(slot));
            return a.MoveTo(slot.StartUtc, slot.EndUtc, seat, by, Now, context.Clinic.CancellationCutoffHours);
        });

    private sealed record ChangeContext(ClinicDbContext Db, ClinicLocation Clinic, int Attempt);

    private async Task<Result> ChangeAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, CancellationToken cancellationToken,
        Func<Appointment, ChangeContext, Task<Result>> change)
    {
        // A move that lost its new seat to another writer reads again, as a booking does.
        return await seatRaces.RetryAsync("change", DatabaseFaults.IsSeatTaken,
            attempt => TryChangeAsync(by, appointmentId, expectedVersion, attempt, cancellationToken, change));
    }

    private async Task<Result> TryChangeAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, int attempt, CancellationToken cancellationToken,
        Func<Appointment, ChangeContext, Task<Result>> change)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var appointment = await db.Appointments.Include(a => a.History).FirstOrDefaultAsync(a => a.Id == appointmentId && !a.IsDeleted, cancellationToken);
        if (appointment is null)
            return Result.Refused(RefusalCodes.NotFound, by.IsClinic ? Gone : AppointmentPermissions.NotYours);
        if (AppointmentPermissions.Refusal(by, appointment, AppointmentAction.Read) is { } hidden)
            return Result.Refused(RefusalCodes.NotFound, hidden);
        if (expectedVersion is { } expected && expected != appointment.Version)
            return Result.Refused(RefusalCodes.ChangedMeanwhile, ChangedMeanwhile);
        var (previousStatus, previousStart) = (appointment.Status, appointment.StartUtc);
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var result = await change(appointment, new ChangeContext(db, clinic, attempt));
        if (!result.Succeeded)
            return result;
        await AppointmentNoticeWriter.WriteAsync(db, clinic, appointment, previousStatus, previousStart, by, Now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Refused(RefusalCodes.ChangedMeanwhile, ChangedMeanwhile);
        }
        return result;
    }

    private async Task<Slot?> SlotAsync(ClinicDbContext db, ClinicLocation clinic, Guid doctorId, DateTime startUtc, CancellationToken cancellationToken)
    {
        startUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(startUtc, clinic.TimeZone));
        // An unknown doctor has no hours, so no slot: no separate lookup needed.
        var computed = await availability.ComputeAsync(db, clinic, [doctorId], date, date, cancellationToken);
        return computed[doctorId].Slots.FirstOrDefault(s => s.StartUtc == startUtc);
    }

    /// <summary>Patients take only available slots; the clinic may also book inside the notice or beyond the window.</summary>
    private static Result? Refusal(AppointmentActor by, Slot slot) => slot.State switch
    {
        SlotState.Available => null,
        SlotState.TooSoon or SlotState.OutsideWindow when by.IsClinic => null,
        _ => Result.Refused(CodeOf(slot.State), slot.Reason),
    };

    private static string CodeOf(SlotState state) => state switch
    {
        SlotState.Full => RefusalCodes.SlotFull,
        SlotState.TooSoon => RefusalCodes.TooSoon,
        SlotState.OutsideWindow => RefusalCodes.OutsideWindow,
        SlotState.Disabled => RefusalCodes.SlotDisabled,
        SlotState.Past => RefusalCodes.InPast,
        SlotState.Closed => RefusalCodes.DoctorAway,
        _ => RefusalCodes.NoSuchSlot,
    };

    /// <summary>The same sentence the calculator gives a full slot.</summary>
    private static string FullReason(Slot slot) =>
        slot.SeatsTotal == 1 ? "Already booked" : $"Fully booked ({slot.SeatsTotal} of {slot.SeatsTotal} seats taken)";

    /// <summary>
    /// The lowest free seat; after a lost race a random free one, so that writers who collided
    /// once spread out instead of colliding again on the next seat.
    /// </summary>
    internal static async Task<int?> FreeSeatAsync(ClinicDbContext db, Slot slot, int attempt, CancellationToken cancellationToken)
    {
        var seatHolding = AppointmentStatuses.SeatHolding.ToList();
        var taken = await db.Appointments
            .Where(a => a.DoctorId == slot.DoctorId && a.StartUtc == slot.StartUtc && seatHolding.Contains(a.Status))
            .Select(a => a.SeatNumber).ToListAsync(cancellationToken);
        var free = Enumerable.Range(1, slot.SeatsTotal).Where(seat => !taken.Contains(seat)).ToList();
        if (free.Count == 0)
            return null;
        return attempt == 1 ? free[0] : free[Random.Shared.Next(free.Count)];
    }

    internal static Task<bool> OverlapsAsync(ClinicDbContext db, string patientUserId, Slot slot, Guid? except, CancellationToken cancellationToken)
    {
        var seatHolding = AppointmentStatuses.SeatHolding.ToList();
        return db.Appointments.AnyAsync(a => a.PatientUserId == patientUserId && a.Id != except && !a.IsDeleted
            && seatHolding.Contains(a.Status) && a.StartUtc < slot.EndUtc && a.EndUtc > slot.StartUtc, cancellationToken);
    }

    private static Task<bool> IsActivePatientAsync(ClinicDbContext db, string userId, CancellationToken cancellationToken) =>
        (from user in db.Users
         join userRole in db.UserRoles on user.Id equals userRole.UserId
         join role in db.Roles on userRole.RoleId equals role.Id
         where user.Id == userId && user.IsActive && role.Name == ClinicRoles.Patient
         select user.Id).AnyAsync(cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
