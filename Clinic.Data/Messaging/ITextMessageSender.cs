namespace Clinic.Data.Messaging;

/// <summary>A text message leaving the outbox: to a number as a gateway takes it, in its reader's language.</summary>
/// <param name="Text">As the clinic writes it (English); the sender says it in <paramref name="Language"/>.</param>
public sealed record OutboxTextMessage(string MessageId, string To, string Text, string? Language);

/// <summary>
/// Where text messages (SMS) go out: the clinic's gateway when one is configured. The outbox writes
/// none while <see cref="Sends"/> is false.
/// </summary>
public interface ITextMessageSender
{
    bool Sends { get; }

    /// <summary>The number as the gateway takes it, or null when it cannot take a text message (a landline, a number too short).</summary>
    string? AddressOf(string phone);

    Task SendAsync(OutboxTextMessage message, CancellationToken cancellationToken);
}

/// <summary>A clinic without a text-message gateway: reminders go by email and the bell only.</summary>
public sealed class NoTextMessages : ITextMessageSender
{
    public bool Sends => false;

    public string? AddressOf(string phone) => null;

    public Task SendAsync(OutboxTextMessage message, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No text-message gateway is configured (Clinic:TextMessages:Url).");
}
