using System.Globalization;
using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Clinic.Domain.Identity;
using Clinic.Domain.Messaging;
using Clinic.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Notifications;

/// <summary>
/// Adds, inside the transaction of an appointment change, the notifications and emails it causes
/// and keeps the appointment's reminder in step (written when confirmed, withdrawn when cancelled
/// or moved). Nothing is sent here: the outbox worker sends after commit.
/// </summary>
internal static class AppointmentNoticeWriter
{
    /// <summary>Writes the bell notices and emails a change calls for; they announce themselves after commit.</summary>
    /// <param name="names">The doctor's and patient's names when the caller has already read them.</param>
    public static async Task WriteAsync(ClinicDbContext db, ClinicLocation clinic, Appointment appointment,
        AppointmentStatus? statusBefore, DateTime? startBefore, AppointmentActor by, DateTime nowUtc, CancellationToken cancellationToken,
        NoticeNames? names = null, Guid? doctorBefore = null, string? appendix = null)
    {
        // A new appointment has no messages yet: nothing to look up for its reminder.
        var isNew = statusBefore is null && startBefore is null;
        await KeepReminderInStepAsync(db, clinic, appointment, isNew, nowUtc, cancellationToken);
        var otherDoctor = doctorBefore is { } before && before != appointment.DoctorId ? before : (Guid?)null;
        if (AppointmentNotices.Classify(statusBefore, startBefore, appointment, otherDoctor is not null) is not { } change)
            return;

        // The doctor's and the patient's names in one round trip.
        var doctor = names ?? await db.Doctors.Where(d => d.Id == appointment.DoctorId)
            .Select(d => new NoticeNames(d.UserId, d.FullName, db.Users.Where(u => u.Id == appointment.PatientUserId).Select(u => u.FullName).First()))
            .FirstAsync(cancellationToken);
        var context = new AppointmentNoticeContext(appointment.Id, change, by.UserId, appointment.PatientUserId, doctor.PatientName,
            doctor.DoctorUserId, doctor.DoctorName, When(appointment.StartUtc, clinic), startBefore is { } s ? When(s, clinic) : null,
            appointment.CancelReason, await ClinicUserIdsAsync(db, cancellationToken));
        if (otherDoctor is { } previous)
        {
            var left = await db.Doctors.Where(d => d.Id == previous).Select(d => new { d.UserId, d.FullName }).FirstAsync(cancellationToken);
            context = context with { PreviousDoctorUserId = left.UserId, PreviousDoctorName = left.FullName };
        }

        var notices = AppointmentNotices.For(context);
        // A change made to several visits at once (a series) is told with this visit, the others named here.
        if (appendix is not null)
            notices = [.. notices.Select(n => n with { Text = $"{n.Text} {appendix}" })];
        foreach (var notice in notices)
        {
            db.Notifications.Add(Notification.Create(notice.UserId, notice.Kind, notice.Title, notice.Text, notice.Link, nowUtc));
            if (notice.Email)
            {
                var calendar = change == AppointmentChange.Cancelled ? CalendarAttachment.Cancelled : CalendarAttachment.Booked;
                db.Outbox.Add(OutboxMessage.Email(OutboxKind.AppointmentEmail, notice.UserId, appointment.Id, appointment.StartUtc,
                    $"{notice.Title}: {doctor.DoctorName}, {context.When}", notice.Text, change is AppointmentChange.Completed or AppointmentChange.NoShow ? CalendarAttachment.None : calendar, nowUtc,
                    alsoByText: notice.TextMessage));
            }
        }
    }

    /// <summary>
    /// A visit of a series changed together with its first: its reminder kept in step only (the
    /// first visit's notice speaks for the series).
    /// </summary>
    public static Task RemindOnlyAsync(ClinicDbContext db, ClinicLocation clinic, Appointment appointment, DateTime nowUtc, CancellationToken cancellationToken, bool isNew = true) =>
        KeepReminderInStepAsync(db, clinic, appointment, isNew, nowUtc, cancellationToken);

    /// <summary>"Mon 30 Nov 2026, 10:00" on the clinic's clock.</summary>
    public static string When(DateTime utc, ClinicLocation clinic) =>
        ClinicTime.LocalOf(utc, clinic.TimeZone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public static async Task<List<string>> ClinicUserIdsAsync(ClinicDbContext db, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var id in ClinicTeam.For(db)(db).WithCancellation(cancellationToken))
            ids.Add(id);
        return ids;
    }

    // From the two roles through their members (indexed both ways), never a scan of every user;
    // compiled, since every request and cancellation asks.
    private static readonly CompiledPerModel<Func<ClinicDbContext, IAsyncEnumerable<string>>> ClinicTeam = new(() =>
        EF.CompileAsyncQuery((ClinicDbContext db) =>
        (from role in db.Roles
         where role.NormalizedName == OwnerRole || role.NormalizedName == StaffRole
         join userRole in db.UserRoles on role.Id equals userRole.RoleId
         join user in db.Users on userRole.UserId equals user.Id
         where user.IsActive
         select user.Id).Distinct()));

    private static readonly string OwnerRole = ClinicRoles.Owner.ToUpperInvariant();
    private static readonly string StaffRole = ClinicRoles.Staff.ToUpperInvariant();

    private static async Task KeepReminderInStepAsync(ClinicDbContext db, ClinicLocation clinic, Appointment appointment, bool isNew, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var wanted = appointment is { Status: AppointmentStatus.Confirmed, IsDeleted: false };
        var pending = isNew ? [] : await db.Outbox
            .Where(m => m.AppointmentId == appointment.Id && m.Kind == OutboxKind.Reminder && m.Status == DeliveryStatus.Pending)
            .ToListAsync(cancellationToken);
        foreach (var stale in pending.Where(m => !wanted || m.AppointmentStartUtc != appointment.StartUtc))
            stale.Withdraw(wanted ? Clinic.Data.Messaging.ReminderWithdrawn.Moved : Clinic.Data.Messaging.ReminderWithdrawn.Because(appointment.Status));

        var lead = TimeSpan.FromHours(clinic.ReminderLeadHours);
        // Confirmed inside the lead time: the confirmation itself is the reminder.
        if (!wanted || appointment.StartUtc - lead <= nowUtc)
            return;
        var key = OutboxMessage.ReminderKey(appointment.Id, appointment.StartUtc);
        var existing = isNew ? null : await db.Outbox.FirstOrDefaultAsync(m => m.DedupKey == key, cancellationToken);
        if (existing is null)
            db.Outbox.Add(OutboxMessage.Reminder(appointment.Id, appointment.PatientUserId, appointment.StartUtc, lead, nowUtc));
        else
            existing.Reinstate(lead); // moved away and back, or cancelled and confirmed again: the same reminder, once
    }
}

/// <summary>Who an appointment's notices name: the doctor (and their account) and the patient.</summary>
internal sealed record NoticeNames(string? DoctorUserId, string DoctorName, string PatientName);
