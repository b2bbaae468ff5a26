using Clinic.Data.Notifications;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Appointments;
using Clinic.Domain.Events;
using Clinic.Domain.Messaging;
using Clinic.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Data.Messaging;

/// <summary>
/// Sends what is due in the outbox. Each message is first leased with a conditional update, so two
/// workers (or a worker and its restarted self) never send the same one at once; a lease left by a
/// crash expires and the message is tried again. The outcome is written back to the row.
/// </summary>
public sealed class OutboxDispatcher(IDbContextFactory<ClinicDbContext> contexts, IOutboxSender sender, ITextMessageSender textMessages,
    IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger, IOptions<Clinic.Data.Booking.OnlineVisitOptions> onlineVisits)
{
    /// <summary>Sends every message due now; returns how many it handled (sent, failed or withdrawn).</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        while (true)
        {
            var now = Now;
            List<Guid> due;
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                due = await db.Outbox
                    .Where(m => m.Status == DeliveryStatus.Pending && m.NextAttemptUtc <= now && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
                    .OrderBy(m => m.NextAttemptUtc).Select(m => m.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
            }
            if (due.Count == 0)
                return handled;
            foreach (var id in due)
            {
                if (await TryLeaseAsync(id, cancellationToken))
                {
                    await DeliverAsync(id, cancellationToken);
                    handled++;
                }
            }
        }
    }

    private async Task<bool> TryLeaseAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = Now;
        var until = now + options.Value.Lease;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var leased = await db.Outbox
            .Where(m => m.Id == id && m.Status == DeliveryStatus.Pending && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.LockedUntilUtc, until), cancellationToken);
        return leased == 1;
    }

    private async Task DeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.Outbox.FirstAsync(m => m.Id == id, cancellationToken);
        var recipient = await db.Users.Where(u => u.Id == message.RecipientUserId)
            .Select(u => new Recipient(u.Email, u.PhoneNumber, u.FullName, u.Language)).FirstOrDefaultAsync(cancellationToken);
        var about = message.AppointmentId is { } appointmentId ? await AppointmentAsync(db, appointmentId, cancellationToken) : null;
        var reminder = message.Kind is OutboxKind.Reminder or OutboxKind.TextReminder;
        // Where the clinic sends text messages and this number can take one (a mobile).
        var textable = textMessages.Sends && recipient?.Phone is { } mobile && textMessages.AddressOf(mobile) is not null;

        if (reminder && StaleReason(message, about?.Appointment) is { } stale)
        {
            message.Withdraw(stale);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        if (message.Kind == OutboxKind.Reminder && !message.NotifiedInApp && about is not null)
        {
            // Saved before the email is tried: the bell gets it once, even if the mail server is down for hours.
            db.Notifications.Add(Notification.Create(message.RecipientUserId, NotificationKind.Reminder, "Appointment reminder",
                ReminderText(about), $"/appointments/{about.Appointment.Id}", Now));
            message.MarkNotifiedInApp();
            await db.SaveChangesAsync(cancellationToken);
        }
        if (message.TextToWrite)
        {
            // Before the email is tried, and once: a walk-in without email still gets the reminder, and hears the
            // visit was cancelled; the text message then leaves on its own.
            if (message.WriteText(textable, Now) is { } text)
                db.Outbox.Add(text);
            await db.SaveChangesAsync(cancellationToken);
        }

        // Someone who never chose a language (a walk-in invited later, an account made before languages)
        // reads the clinic's.
        var language = recipient?.Language ?? await db.Clinics.OrderBy(c => c.Name).Select(c => c.Language).FirstOrDefaultAsync(cancellationToken);
        var byText = message.Kind is OutboxKind.TextReminder or OutboxKind.AppointmentText;
        Func<Task>? send = byText ? TextMessage() : Email();
        if (send is null)
        {
            message.GiveUp(byText ? "The recipient has no mobile number a text message can reach." : "The recipient has no email address.");
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        try
        {
            await send();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Stopping mid-send is not a failure: the lease runs out and the next worker sends it.
            message.AttemptFailed($"{ex.GetType().Name}: {ex.Message}", Now);
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("Sending outbox message {Id} ({Kind}) failed on attempt {Attempt}: {Error}", message.Id, message.Kind, message.Attempts, ex.Message);
            return;
        }
        message.Delivered(Now);
        // Sent is sent: recording it must not be abandoned because the host is stopping.
        await db.SaveChangesAsync(CancellationToken.None);

        // What sends this message, or null when its recipient cannot get it.
        Func<Task>? Email() =>
            string.IsNullOrWhiteSpace(recipient?.Email) ? null
            : () => sender.SendAsync(Compose(message, recipient.Email, recipient.FullName, about) with { Language = language }, cancellationToken);

        Func<Task>? TextMessage()
        {
            var text = message.Kind == OutboxKind.TextReminder ? about is null ? null : TextReminder(about) : message.Body;
            return text is null || recipient?.Phone is not { } phone || textMessages.AddressOf(phone) is not { } to ? null
                : () => textMessages.SendAsync(new OutboxTextMessage(message.Id.ToString("N"), to, text, language), cancellationToken);
        }
    }

    private sealed record Recipient(string? Email, string? Phone, string FullName, string? Language);

    /// <summary>Short, for a phone's screen: who, when, where, and the number to call to cancel.</summary>
    private static string TextReminder(AppointmentFacts about)
    {
        var place = about.Branch is { } branch ? $"{about.ClinicName} {branch}" : about.ClinicName;
        return about.Phone is { } phone
            ? $"Reminder: {about.DoctorName}, {about.When}, {place}. Cannot come? Call {phone}."
            : $"Reminder: {about.DoctorName}, {about.When}, {place}.";
    }

    private static string? StaleReason(OutboxMessage reminder, Appointment? appointment) => appointment switch
    {
        null or { IsDeleted: true } => ReminderWithdrawn.Gone,
        { Status: not AppointmentStatus.Confirmed } => ReminderWithdrawn.Because(appointment.Status),
        _ when appointment.StartUtc != reminder.AppointmentStartUtc => ReminderWithdrawn.Moved,
        _ => null,
    };

    /// <param name="Phone">The number to call about it: the branch's, else the clinic's.</param>
    private sealed record AppointmentFacts(Appointment Appointment, string DoctorName, string ClinicName, string Address, string TimeZoneId, string When,
        Clinic.Domain.Clinics.ClinicProfile Clinic, string? Phone, string? Branch);

    private static async Task<AppointmentFacts?> AppointmentAsync(ClinicDbContext db, Guid appointmentId, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null)
            return null;
        var doctor = await (from d in db.Doctors.AsNoTracking()
                            where d.Id == appointment.DoctorId
                            join b in db.Branches on d.BranchId equals (Guid?)b.Id into branches
                            from b in branches.DefaultIfEmpty()
                            select new { d.FullName, d.PracticeAddress, Branch = b == null ? null : b.Name, BranchPhone = b == null ? null : b.Phone })
                           .FirstAsync(cancellationToken);
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var address = Clinic.Domain.Branches.Branch.Where(doctor.Branch, string.IsNullOrWhiteSpace(doctor.PracticeAddress) ? clinic.Address : doctor.PracticeAddress);
        return new AppointmentFacts(appointment, doctor.FullName, clinic.Name, address, clinic.TimeZoneId, AppointmentNoticeWriter.When(appointment.StartUtc, clinic), clinic.Profile,
            doctor.BranchPhone ?? clinic.Phone, doctor.Branch);
    }

    private static string ReminderText(AppointmentFacts about) =>
        $"You have an appointment with {about.DoctorName} on {about.When} at {about.ClinicName}, {about.Address}.";

    private OutboxEmail Compose(OutboxMessage message, string toEmail, string toName, AppointmentFacts? about)
    {
        var (subject, text) = message.Kind == OutboxKind.Reminder && about is not null
            ? ($"Reminder: {about.DoctorName}, {about.When}", ReminderText(about) + " If you cannot come, please cancel so someone else can have the time.")
            : (message.Subject, message.Body);
        // Appointment emails go to the patient: a confirmed online visit carries its meeting address,
        // read as it stands when the email leaves (never a link for a visit since cancelled).
        var meeting = about?.Appointment is { MeetingRoom: { } room, Status: AppointmentStatus.Confirmed } ? onlineVisits.Value.UrlFor(room) : null;
        if (meeting is not null && message.Calendar != CalendarAttachment.Cancelled)
            text += $" This is a video visit: join it at {meeting} a few minutes before the start.";
        CalendarEntry? calendar = null;
        if (message.Calendar != CalendarAttachment.None && about is not null)
        {
            var a = about.Appointment;
            // The time the message is about: a cancellation notice names the start it cancelled.
            var start = message.AppointmentStartUtc ?? a.StartUtc;
            calendar = new CalendarEntry(a.Id, start, start + (a.EndUtc - a.StartUtc), about.TimeZoneId,
                $"Appointment with {about.DoctorName}", meeting ?? $"{about.ClinicName}, {about.Address}", text,
                message.Calendar == CalendarAttachment.Cancelled, a.Version);
        }
        var link = message.AppointmentId is { } id ? $"/appointments/{id}" : null;
        return new OutboxEmail($"{message.Id:N}@clinic", toEmail, toName, subject, text, link, calendar) { Signature = about is null ? null : Signature(about.Clinic) };
    }

    /// <summary>The clinic as it signs its emails: name, address, then whichever of phone, email and hours it gave.</summary>
    private static string Signature(Clinic.Domain.Clinics.ClinicProfile clinic) =>
        string.Join("\n", new[] { clinic.Name, clinic.Address, clinic.Phone is null ? null : $"Phone: {clinic.Phone}", clinic.Email, clinic.OpeningHours }.Where(l => !string.IsNullOrWhiteSpace(l)));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
