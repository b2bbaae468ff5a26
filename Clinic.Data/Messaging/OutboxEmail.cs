namespace Clinic.Data.Messaging;

/// <summary>One email ready to go. <see cref="MessageId"/> is the same on every attempt, so a mail system can drop a repeat.</summary>
public sealed record OutboxEmail(string MessageId, string ToEmail, string ToName, string Subject, string Text, string? LinkPath, CalendarEntry? Calendar)
{
    /// <summary>The clinic signing the email: its name, address, phone, email and opening hours, one per line.</summary>
    public string? Signature { get; init; }

    /// <summary>
    /// The language the recipient reads the clinic in ("bn"), or null for the clinic's own: the email is
    /// composed in the clinic's working language and the sender says it in this one.
    /// </summary>
    public string? Language { get; init; }
}

/// <summary>The appointment as a calendar entry (.ics), in the clinic's time zone; <see cref="Sequence"/> grows with each change.</summary>
public sealed record CalendarEntry(Guid AppointmentId, DateTime StartUtc, DateTime EndUtc, string TimeZoneId, string Summary, string Location, string Description, bool Cancelled, int Sequence);

/// <summary>Delivers an outbox email (SMTP, or the pickup folder in Development). Throws when it could not.</summary>
public interface IOutboxSender
{
    Task SendAsync(OutboxEmail email, CancellationToken cancellationToken);
}
