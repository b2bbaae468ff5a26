using Clinic.Data.Notifications;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Series;

/// <summary>What cancelling "this and the following visits" did: how many, and those the rules kept, each with why.</summary>
public sealed record SeriesCancelled(int Cancelled, IReadOnlyList<string> Kept);

/// <summary>Changes to a series as a whole: cancelling one visit and every later one in one step.</summary>
public sealed class SeriesChanges(IDbContextFactory<ClinicDbContext> contexts, TimeProvider clock)
{
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
