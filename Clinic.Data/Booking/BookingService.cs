using Clinic.Data.Messaging;
using Clinic.Data.Notifications;
using Clinic.Data.Payments;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Data.Waitlist;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Clinic.Domain.Common;
using Clinic.Domain.Events;
using Clinic.Domain.Identity;
using Clinic.Domain.Payments;
using Clinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Booking;

/// <summary>
/// Books, confirms, cancels, completes, reschedules and deletes appointments. Each operation runs in
/// one transaction (on SQLite an immediate one: one writer at a time), checks the permission matrix
/// and the slot through the domain; what the appointment records is announced after commit by the
/// database context (<see cref="AfterCommit"/>).
/// </summary>
public sealed class BookingService(IDbContextFactory<ClinicDbContext> contexts, SeatRaces seatRaces, TimeProvider clock)
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
        if (by.IsClinic && !await IsActivePatientAsync(db, patientUserId, cancellationToken))
            return Result<Booked>.Failure("Choose a registered, active patient.");
        // The type must be one this doctor offers now; its length decides the slots the visit takes,
        // and an online type gives the visit a meeting room.
        Types.OfferedType? type = null;
        if (request.ServiceId is { } serviceId && (type = await Types.AppointmentTypes.OfferedAsync(db, serviceId, request.DoctorId, cancellationToken)) is null)
            return Result<Booked>.Failure(Types.AppointmentTypes.NotOffered);

        // Two statements decide: the doctor's day as scheduled, then who holds the seats the visit needs.
        var scene = await SlotScene.LoadAsync(db, request.DoctorId, patientUserId, request.StartUtc, cancellationToken);
        var check = scene is null ? null : await scene.CheckAsync(db, request.StartUtc, patientUserId, null, clock.GetUtcNow(), type?.Length, cancellationToken);
        if (check is null)
            return Result<Booked>.Refused(RefusalCodes.NoSuchSlot, "That time is not in the doctor's schedule.");
        var slot = check.Slot;
        var taken = check.SeatFor(by, attempt, by.IsClinic ? "The patient already has an appointment at that time." : "You already have an appointment at that time.");
        if (!taken.Succeeded)
            return Result<Booked>.From(taken);
        var seat = taken.Value;

        var status = by.IsClinic ? AppointmentStatus.Confirmed : AppointmentStatus.Pending;
        var appointment = Appointment.Create(request.DoctorId, patientUserId, slot.StartUtc, slot.EndUtc, seat, Now, status, by.UserId, by.Name, request.ServiceId, request.Note,
            type?.IsOnline ?? false, slot.LaterStarts);
        db.Appointments.Add(appointment);
        var names = new NoticeNames(scene!.DoctorUserId, scene.DoctorName, scene.PatientName ?? string.Empty);
        await AppointmentNoticeWriter.WriteAsync(db, scene.Clinic, appointment, null, null, by, Now, cancellationToken, names);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<Booked>.Ok(new Booked(appointment.Id, status, slot.LocalStart, slot.LocalEnd, scene.Clinic.TimeZoneId));
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
        ChangeAsync(by, appointmentId, expectedVersion, cancellationToken, (a, context) => Task.FromResult(a.AdvanceStage(by, Now, context.Clinic.TimeZone)));

    public Task<Result> EditNoteAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, string? note, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, appointmentId, expectedVersion, cancellationToken, (a, _) => Task.FromResult(a.EditNote(by, note, Now)));

    public Task<Result> DeleteAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, appointmentId, expectedVersion, cancellationToken, (a, _) => Task.FromResult(a.Delete(by, Now)));

    /// <summary>
    /// The front desk records money received for the visit, against what it costs (<see cref="VisitCharges"/>),
    /// at the branch where the doctor works now.
    /// </summary>
    public Task<Result> TakePaymentAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, PaymentDetails payment, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, appointmentId, expectedVersion, cancellationToken, async (a, context) =>
            a.TakePayment(by, payment, await VisitCharges.ForAsync(context.Db, a, context.Clinic, cancellationToken), Now,
                await context.Db.Doctors.Where(d => d.Id == a.DoctorId).Select(d => d.BranchId).FirstOrDefaultAsync(cancellationToken)));

    /// <summary>The desk lowers the visit's fee with a reason; what is left unpaid then no longer counts as owed.</summary>
    public Task<Result> DiscountAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, FeeDiscount discount, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, appointmentId, expectedVersion, cancellationToken, async (a, context) =>
            a.Discount(by, discount, await VisitCharges.ForAsync(context.Db, a, context.Clinic, cancellationToken), Now));

    /// <summary>A payment taken by mistake, or given back, stops counting; it stays on record with the reason.</summary>
    public Task<Result> VoidPaymentAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, Guid paymentId, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, appointmentId, expectedVersion, cancellationToken, (a, context) => Task.FromResult(a.VoidPayment(by, paymentId, reason, Now, context.Clinic.TimeZone)));

    /// <summary>
    /// One atomic move: the new seat is taken and the old one freed in the same transaction, or nothing
    /// changes. The clinic may also move it to another doctor (<paramref name="newDoctorId"/>).
    /// </summary>
    public Task<Result> RescheduleAsync(AppointmentActor by, Guid appointmentId, int? expectedVersion, DateTime newStartUtc, CancellationToken cancellationToken = default,
        Guid? newDoctorId = null) =>
        ChangeAsync(by, appointmentId, expectedVersion, cancellationToken, async (a, context) =>
        {
            var doctorId = newDoctorId ?? a.DoctorId;
            if (doctorId != a.DoctorId && !by.IsClinic)
                return Result.Refused(RefusalCodes.Forbidden, "Only the clinic can move an appointment to another doctor.");
            // The visit keeps its type, and so its length.
            var length = await Types.AppointmentTypes.LengthAsync(context.Db, a.ServiceId, cancellationToken);
            var scene = await SlotScene.LoadAsync(context.Db, doctorId, a.PatientUserId, newStartUtc, cancellationToken);
            var check = scene is null ? null : await scene.CheckAsync(context.Db, newStartUtc, a.PatientUserId, a.Id, clock.GetUtcNow(), length, cancellationToken);
            if (check is null)
                return Result.Refused(RefusalCodes.NoSuchSlot, "That time is not in the doctor's schedule.");
            var slot = check.Slot;
            if (slot.StartUtc == a.StartUtc && doctorId == a.DoctorId)
                return Result.Failure("The appointment is already at that time.");
            var taken = check.SeatFor(by, context.Attempt, "The patient already has an appointment at that time.");
            if (!taken.Succeeded)
                return taken;
            return a.MoveTo(slot.StartUtc, slot.EndUtc, taken.Value, by, Now, context.Clinic.CancellationCutoffHours, doctorId, slot.LaterStarts);
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
        var appointment = await db.Appointments.Include(a => a.History).Include(a => a.Payments).FirstOrDefaultAsync(a => a.Id == appointmentId && !a.IsDeleted, cancellationToken);
        if (appointment is null)
            return Result.Refused(RefusalCodes.NotFound, by.IsClinic ? Gone : AppointmentPermissions.NotYours);
        if (AppointmentPermissions.Refusal(by, appointment, AppointmentAction.Read) is { } hidden)
            return Result.Refused(RefusalCodes.NotFound, hidden);
        if (expectedVersion is { } expected && expected != appointment.Version)
            return Result.Refused(RefusalCodes.ChangedMeanwhile, ChangedMeanwhile);
        var (previousStatus, previousStart, previousDoctor) = (appointment.Status, appointment.StartUtc, appointment.DoctorId);
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var result = await change(appointment, new ChangeContext(db, clinic, attempt));
        if (!result.Succeeded)
            return result;
        await AppointmentNoticeWriter.WriteAsync(db, clinic, appointment, previousStatus, previousStart, by, Now, cancellationToken, doctorBefore: previousDoctor);
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

    private static Task<bool> IsActivePatientAsync(ClinicDbContext db, string userId, CancellationToken cancellationToken) =>
        Identity.RoleMembers.Patients(db).AnyAsync(user => user.Id == userId && user.IsActive, cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
