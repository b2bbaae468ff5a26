using Clinic.Domain.Common;

namespace Clinic.Domain.Chat;

/// <summary>
/// One message in a patient's conversation with the clinic. There is one conversation per patient,
/// so the patient's user id names it. The id grows with every message and orders the conversation.
/// </summary>
public sealed class ChatMessage : Clinic.Domain.Events.RecordsEvents
{
    private ChatMessage() { }

    public long Id { get; private set; }
    public string PatientUserId { get; private set; } = string.Empty;
    public string SenderUserId { get; private set; } = string.Empty;
    public string SenderName { get; private set; } = string.Empty;

    /// <summary>Written by staff, the owner or a doctor (rather than the patient).</summary>
    public bool FromClinic { get; private set; }

    /// <summary>Plain text, shown as text: markup in it is never interpreted.</summary>
    public string Text { get; private set; } = string.Empty;

    public DateTime SentUtc { get; private set; }

    public const int MaxLength = 2000;

    public static Result<ChatMessage> Write(string patientUserId, string senderUserId, string senderName, bool fromClinic, string? text, DateTime nowUtc)
    {
        var clean = Clean(text);
        if (clean.Length == 0)
            return Result<ChatMessage>.Failure("Write a message first.");
        if (clean.Length > MaxLength)
            return Result<ChatMessage>.Failure($"A message can be at most {MaxLength} characters; this one has {clean.Length}.");
        if (Clinic.Domain.Common.Text.HasControlCharacters(clean, allowLineBreaks: true))
            return Result<ChatMessage>.Failure("The message contains invisible control characters.");
        var message = new ChatMessage
        {
            PatientUserId = patientUserId,
            SenderUserId = senderUserId,
            SenderName = senderName,
            FromClinic = fromClinic,
            Text = clean,
            SentUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc),
        };
        message.Happened(new Clinic.Domain.Events.ConversationChanged(patientUserId));
        return Result<ChatMessage>.Ok(message);
    }

    /// <summary>Trimmed, with Windows line ends unified and control characters other than line breaks and tabs removed.</summary>
    public static string Clean(string? text) =>
        new string((text ?? string.Empty).Replace("\r\n", "\n").Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray()).Trim();
}
