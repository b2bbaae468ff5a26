using Clinic.Data.Notifications;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Clinic.Domain.Common;
using Clinic.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Series;

/// <summary>What cancelling "this and the following visits" did: how many, and those the rules kept, each with why.</summary>
public sealed record SeriesCancelled(int Cancelled, IReadOnlyList<string> Kept);

/// <summary>Changes to a series as a whole: cancelling one visit and every later one in one step.</summary>
public sealed class SeriesChanges(IDbContextFactory<ClinicDbContext> contexts, Clinic.Data.Booking.SeatRaces seatRaces, TimeProvider clock)
{
    /// <summary>
    /// Moves this visit to <paramref name="newStartUtc"/> and each later visit of its series by the
    /// same step on the clinic's clock (an hour later stays an hour later across a daylight-saving
    /// change), in one transaction: every new time must be free and allowed, or nothing moves and the
    /// refusal names the visit.
    /// </summary>
    public Task<Result<int>> MoveFollowingAsync(AppointmentActor by, Guid appointmentId, DateTime newStartUtc, CancellationToken cancellationToken = default) =>
        seatRaces.RetryAsync("series-move", DatabaseFaults.IsSeatTaken, attempt => TryMoveFollowingAsync(by, appointmentId, DateTime.SpecifyKind(newStartUtc, DateTimeKind.Utc), attempt, cancellationToken));

    private async Task<Result<int>> TryMoveFollowingAsync(AppointmentActor by, Guid appointmentId, DateTime newStartUtc, int attempt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var first = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == appointmentId && !a.IsDeleted, cancellationToken);
        if (first is null || AppointmentPermissions.Refusal(by, first, AppointmentAction.Read) is not null)
            return Result<int>.Refused(RefusalCodes.NotFound, AppointmentPermissions.NotYours);
        if (first.SeriesId is not { } seriesId)
            return Result<int>.Failure("This visit is not part of a series.");
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var zone = clinic.TimeZone;
        var step = ClinicTime.LocalOf(newStartUtc, zone) - ClinicTime.LocalOf(first.StartUtc, zone);
        if (step == TimeSpan.Zero)
            return Result<int>.Failure("The visit is already at that time.");
        var visits = await db.Appointments.Include(a => a.History)
            .Where(a => a.SeriesId == seriesId && !a.IsDeleted && a.StartUtc >= first.StartUtc && (a.Status == AppointmentStatus.Pending || a.Status == AppointmentStatus.Confirmed))
            .OrderBy(a => a.StartUtc).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var moved = new List<(Appointment Visit, DateTime From)>();
        // A visit's new time may be a later visit's old one (a weekly series moved by a week): the one
        // furthest along the step moves first and is saved (inside the transaction) before the next is
        // checked, so the seat a visit of the series is leaving is free by the time another wants it.
        foreach (var visit in step > TimeSpan.Zero ? Enumerable.Reverse(visits) : visits)
        {
            var when = AppointmentNoticeWriter.When(visit.StartUtc, clinic);
            var local = ClinicTime.LocalOf(visit.StartUtc, zone) + step;
            if (zone.IsInvalidTime(local))
                return Result<int>.Refused(RefusalCodes.NoSuchSlot, $"{when}: {local:HH:mm} does not exist that day (the clocks change).");
            var target = TimeZoneInfo.ConvertTimeToUtc(local, zone);
            var scene = await Clinic.Data.Booking.SlotScene.LoadAsync(db, visit.DoctorId, visit.PatientUserId, target, cancellationToken);
            var length = await Types.AppointmentTypes.LengthAsync(db, visit.ServiceId, cancellationToken);
            var check = scene is null ? null : await scene.CheckAsync(db, target, visit.PatientUserId, visit.Id, now, length, cancellationToken);
            if (check is null)
                return Result<int>.Refused(RefusalCodes.NoSuchSlot, $"{when}: {local:ddd d MMM HH:mm} is not in the doctor's schedule.");
            // Visits of the series in the way have moved already (see above): what the database holds is the truth.
            var taken = check.SeatFor(by, attempt, "the patient already has an appointment then.");
            if (!taken.Succeeded)
                return Result<int>.Refused(taken.Code!, $"{when}: {taken.Error}");
            var from = visit.StartUtc;
            var result = visit.MoveTo(check.Slot.StartUtc, check.Slot.EndUtc, taken.Value, by, now.UtcDateTime, clinic.CancellationCutoffHours, laterStarts: check.Slot.LaterStarts);
            if (!result.Succeeded)
                return result.Code is { } code ? Result<int>.Refused(code, $"{when}: {result.Error}") : Result<int>.Failure($"{when}: {result.Error}");
            moved.Add((visit, from));
            await db.SaveChangesAsync(cancellationToken);
        }
        moved.Sort((a, b) => a.From.CompareTo(b.From));
        var others = string.Join("; ", moved.Skip(1).Select(m => AppointmentNoticeWriter.When(m.Visit.StartUtc, clinic)));
        await AppointmentNoticeWriter.WriteAsync(db, clinic, moved[0].Visit, moved[0].Visit.Status, moved[0].From, by, now.UtcDateTime, cancellationToken,
            appendix: moved.Count > 1 ? $"The series' later visits moved with it: {others}." : null);
        foreach (var (visit, _) in moved.Skip(1))
            await AppointmentNoticeWriter.RemindOnlyAsync(db, clinic, visit, now.UtcDateTime, cancellationToken, isNew: false);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<int>.Ok(moved.Count);
    }

    /// <summary>
    /// Cancels this visit and the series' later ones that may still be cancelled, in one transaction,
    /// with the same rules as one cancellation (a patient inside the cut-off keeps that visit and is
    /// told to call). One notice tells the patient; every reminder is withdrawn.
    /// </summary>
    public async Task<Result<SeriesCancelled>> CancelFollowingAsync(AppointmentActor by, Guid appointmentId, string? reason, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var first = await db.Appointments.Include(a => a.History).FirstOrDefaultAsync(a => a.Id == appointmentId && !a.IsDeleted, cancellationToken);
        if (first is null || AppointmentPermissions.Refusal(by, first, AppointmentAction.Read) is not null)
            return Result<SeriesCancelled>.Refused(RefusalCodes.NotFound, AppointmentPermissions.NotYours);
        if (first.SeriesId is not { } seriesId)
            return Result<SeriesCancelled>.Failure("This visit is not part of a series.");
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var now = clock.GetUtcNow().UtcDateTime;
        var visits = await db.Appointments.Include(a => a.History)
            .Where(a => a.SeriesId == seriesId && !a.IsDeleted && a.StartUtc >= first.StartUtc && (a.Status == AppointmentStatus.Pending || a.Status == AppointmentStatus.Confirmed))
            .OrderBy(a => a.StartUtc).ToListAsync(cancellationToken);
        var cancelled = new List<Appointment>();
        var kept = new List<string>();
        foreach (var visit in visits)
        {
            var statusBefore = visit.Status;
            var result = visit.Cancel(by, reason, now, clinic.CancellationCutoffHours);
            if (!result.Succeeded)
            {
                if (result.Code is null) // the reason itself is wrong: nothing is cancelled
                    return Result<SeriesCancelled>.From(result);
                kept.Add($"{AppointmentNoticeWriter.When(visit.StartUtc, clinic)}: {result.Error}");
                continue;
            }
            if (cancelled.Count == 0)
                await AppointmentNoticeWriter.WriteAsync(db, clinic, visit, statusBefore, visit.StartUtc, by, now, cancellationToken);
            else
                await AppointmentNoticeWriter.RemindOnlyAsync(db, clinic, visit, now, cancellationToken, isNew: false);
            cancelled.Add(visit);
        }
        if (cancelled.Count > 1 && by.UserId != first.PatientUserId)
            db.Notifications.Add(Notification.Create(first.PatientUserId, NotificationKind.AppointmentUpdate, "Series cancelled",
                $"{cancelled.Count} visits from {AppointmentNoticeWriter.When(cancelled[0].StartUtc, clinic)} on were cancelled. Reason: {cancelled[0].CancelReason}",
                $"/appointments/{cancelled[0].Id}", now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<SeriesCancelled>.Ok(new SeriesCancelled(cancelled.Count, kept));
    }
}
