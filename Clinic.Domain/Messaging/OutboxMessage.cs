using Clinic.Domain.Common;

namespace Clinic.Domain.Messaging;

public enum OutboxKind
{
    /// <summary>An email about a change to an appointment (confirmed, cancelled, moved...).</summary>
    AppointmentEmail,

    /// <summary>The reminder before a confirmed appointment; written when it is confirmed, due a lead time before the start.</summary>
    Reminder,

    /// <summary>An email offering a freed seat to someone on the waitlist.</summary>
    WaitlistOffer,

    /// <summary>
    /// The reminder again, as a text message to the patient's phone: written when the reminder falls due
    /// (and the clinic sends text messages), sent and retried on its own, so a mail server that is down
    /// neither holds it back nor sends the email twice.
    /// </summary>
    TextReminder,

    /// <summary>An appointment email's text again, as a text message to the patient's mobile (<see cref="OutboxMessage.TextToWrite"/>).</summary>
    AppointmentText,
}

public enum DeliveryStatus
{
    Pending,
    Sent,
    Failed,
    Cancelled,
}

/// <summary>Whether the message carries a calendar entry for its appointment, and what it says.</summary>
public enum CalendarAttachment
{
    None,
    Booked,
    Cancelled,
}

/// <summary>
/// One message to deliver, written in the same transaction as the change it is about, so a
/// change is never saved without its message nor a message without its change. A worker sends
/// it when due, retries with back-off, and records the outcome: the owner's delivery log.
/// </summary>
public sealed class OutboxMessage : Clinic.Domain.Events.RecordsEvents
{
    private OutboxMessage() { }

    public Guid Id { get; private set; }
    public OutboxKind Kind { get; private set; }
    public string RecipientUserId { get; private set; } = string.Empty;
    public Guid? AppointmentId { get; private set; }

    /// <summary>The appointment's start when the message was written: a reminder for another start is stale.</summary>
    public DateTime? AppointmentStartUtc { get; private set; }

    public string Subject { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;
    public CalendarAttachment Calendar { get; private set; }

    /// <summary>Unique when set: the same reminder is never written twice.</summary>
    public string? DedupKey { get; private set; }

    public DateTime CreatedUtc { get; private set; }
    public DateTime DueUtc { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptUtc { get; private set; }

    /// <summary>Set while a worker sends it; another worker (or a restarted one) takes it only once this has passed.</summary>
    public DateTime? LockedUntilUtc { get; private set; }

    public DateTime? SentUtc { get; private set; }

    /// <summary>
    /// A reminder or an appointment email whose text also goes to the recipient's mobile, where the clinic sends text
    /// messages: cleared as the text message is written, so it is written once however often the email is retried.
    /// </summary>
    public bool TextToWrite { get; private set; }

    /// <summary>A reminder also lands in the bell, exactly once, whatever happens to the email.</summary>
    public bool NotifiedInApp { get; private set; }
    public string? LastError { get; private set; }

    public const int MaxErrorLength = 500;

    public static OutboxMessage Email(OutboxKind kind, string recipientUserId, Guid? appointmentId, DateTime? appointmentStartUtc,
        string subject, string body, CalendarAttachment calendar, DateTime nowUtc, bool alsoByText = false)
    {
        var email = New(kind, recipientUserId, appointmentId, appointmentStartUtc, subject, body, calendar, null, nowUtc, nowUtc);
        email.TextToWrite = alsoByText;
        return email;
    }

    /// <summary>This email's text as a text message, due now; null when none is (still) to be written.</summary>
    public OutboxMessage? WriteText(bool send, DateTime nowUtc)
    {
        if (!TextToWrite)
            return null;
        TextToWrite = false;
        // A reminder's text is composed when it leaves, as the reminder's is; an email's is the email's text.
        var kind = Kind == OutboxKind.Reminder ? OutboxKind.TextReminder : OutboxKind.AppointmentText;
        return send
            ? New(kind, RecipientUserId, AppointmentId, AppointmentStartUtc, Subject, Body, CalendarAttachment.None, $"text-{Id:N}", nowUtc, nowUtc)
            : null;
    }

    /// <summary>The reminder of one appointment at one start time, due <paramref name="lead"/> before it.</summary>
    public static OutboxMessage Reminder(Guid appointmentId, string patientUserId, DateTime startUtc, TimeSpan lead, DateTime nowUtc)
    {
        var reminder = New(OutboxKind.Reminder, patientUserId, appointmentId, startUtc, string.Empty, string.Empty, CalendarAttachment.Booked,
            ReminderKey(appointmentId, startUtc), startUtc - lead, nowUtc);
        reminder.TextToWrite = true;
        return reminder;
    }

    public static string ReminderKey(Guid appointmentId, DateTime startUtc) => $"reminder:{appointmentId:N}:{startUtc.Ticks}";

    public void Delivered(DateTime nowUtc)
    {
        OutcomeRecorded();
        Attempts++;
        Status = DeliveryStatus.Sent;
        SentUtc = Utc(nowUtc);
        LockedUntilUtc = null;
        LastError = null;
    }

    /// <summary>A failed attempt: tried again later, or given up after the last retry.</summary>
    public void AttemptFailed(string error, DateTime nowUtc)
    {
        OutcomeRecorded();
        Attempts++;
        LastError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
        LockedUntilUtc = null;
        if (RetrySchedule.DelayAfter(Attempts) is { } delay)
            NextAttemptUtc = Utc(nowUtc) + delay;
        else
            Status = DeliveryStatus.Failed;
    }

    /// <summary>Not worth retrying (no address to send to).</summary>
    public void GiveUp(string why)
    {
        OutcomeRecorded();
        Attempts++;
        Status = DeliveryStatus.Failed;
        LastError = why;
        LockedUntilUtc = null;
    }

    public void MarkNotifiedInApp() => NotifiedInApp = true;

    /// <summary>No longer to be sent (the appointment was cancelled or moved); the reason shows in the log.</summary>
    public void Withdraw(string why)
    {
        OutcomeRecorded();
        if (Status != DeliveryStatus.Pending)
            return;
        Status = DeliveryStatus.Cancelled;
        LastError = why;
        LockedUntilUtc = null;
    }

    /// <summary>A withdrawn reminder wanted again (the appointment came back to this time); one already sent stays sent.</summary>
    public void Reinstate(TimeSpan lead)
    {
        if (Status != DeliveryStatus.Cancelled || Kind != OutboxKind.Reminder || AppointmentStartUtc is not { } start)
            return;
        Status = DeliveryStatus.Pending;
        LastError = null;
        Attempts = 0;
        DueUtc = NextAttemptUtc = start - lead;
    }

    /// <summary>A new lead time moves a reminder that has not gone out yet.</summary>
    public void DueAgain(TimeSpan lead)
    {
        if (Status != DeliveryStatus.Pending || Kind != OutboxKind.Reminder || AppointmentStartUtc is not { } start)
            return;
        DueUtc = NextAttemptUtc = start - lead;
    }

    private static OutboxMessage New(OutboxKind kind, string recipientUserId, Guid? appointmentId, DateTime? appointmentStartUtc,
        string subject, string body, CalendarAttachment calendar, string? dedupKey, DateTime dueUtc, DateTime nowUtc) => new()
    {
        Id = RowIds.New(),
        Kind = kind,
        RecipientUserId = recipientUserId,
        AppointmentId = appointmentId,
        AppointmentStartUtc = appointmentStartUtc is { } start ? Utc(start) : null,
        Subject = subject,
        Body = body,
        Calendar = calendar,
        DedupKey = dedupKey,
        CreatedUtc = Utc(nowUtc),
        DueUtc = Utc(dueUtc),
        NextAttemptUtc = Utc(dueUtc),
        Status = DeliveryStatus.Pending,
    };

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    // An open delivery log shows each outcome as it is written.
    private void OutcomeRecorded()
    {
        if (AppointmentId is { } appointmentId)
            Happened(new Clinic.Domain.Events.DeliveryRecorded(appointmentId));
    }
}
