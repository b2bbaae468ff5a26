using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Appointments;
using Clinic.Domain.Doctors;
using Clinic.Domain.Messaging;
using Clinic.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Notifications;

/// <summary>
/// Tells patients, inside the transaction of the change, that their coming visits are somewhere
/// else now: every doctor whose address this context is about to change (moved to another branch,
/// the branch moved, or their own address edited) is found in the change tracker, so a use case
/// that moves doctors calls this once before it saves and names nobody by hand.
/// </summary>
internal static class VisitPlaceNoticeWriter
{
    public static async Task WriteAsync(ClinicDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var moved = db.ChangeTracker.Entries<DoctorProfile>()
            .Where(e => e.State == EntityState.Modified
                && !string.Equals((string?)e.Property(d => d.PracticeAddress).OriginalValue, e.Entity.PracticeAddress, StringComparison.Ordinal))
            .Select(e => e.Entity)
            .ToList();
        if (moved.Count == 0)
            return;
        var doctorIds = moved.Select(d => d.Id).ToList();
        var visits = await db.Appointments.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => doctorIds.Contains(a.DoctorId) && !a.IsDeleted && a.StartUtc > nowUtc
                && (a.Status == AppointmentStatus.Pending || a.Status == AppointmentStatus.Confirmed)
                && a.MeetingRoom == null) // a video visit has no door to go to
            .OrderBy(a => a.StartUtc)
            .Select(a => new { a.Id, a.DoctorId, a.PatientUserId, a.StartUtc })
            .ToListAsync(cancellationToken);
        if (visits.Count == 0)
            return;

        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        // Tracked on purpose: a branch renamed or moved in this same change is named as it will be.
        var branchIds = moved.Where(d => d.BranchId is not null).Select(d => d.BranchId!.Value).Distinct().ToList();
        var branches = await db.Branches.Where(b => branchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        foreach (var group in visits.GroupBy(v => (v.DoctorId, v.PatientUserId)))
        {
            var doctor = moved.First(d => d.Id == group.Key.DoctorId);
            var branch = doctor.BranchId is { } id ? branches.GetValueOrDefault(id) : null;
            var place = $"{clinic.Name}, {Clinic.Domain.Branches.Branch.Where(branch, doctor.PracticeAddress)}";
            var coming = group.Select(v => new ComingVisit(v.Id, AppointmentNoticeWriter.When(v.StartUtc, clinic))).ToList();
            var notice = VisitPlaceNotices.For(group.Key.PatientUserId, doctor.FullName, coming, place)!;
            db.Notifications.Add(Notification.Create(notice.UserId, notice.Kind, notice.Title, notice.Text, notice.Link, nowUtc));
            // One visit: its calendar entry is sent again with the new place. Several: the email lists them.
            var single = coming.Count == 1 ? group.First() : null;
            db.Outbox.Add(OutboxMessage.Email(OutboxKind.AppointmentEmail, notice.UserId, single?.Id, single?.StartUtc,
                $"{notice.Title}: {doctor.FullName}", notice.Text, single is null ? CalendarAttachment.None : CalendarAttachment.Booked, nowUtc));
        }
    }
}
