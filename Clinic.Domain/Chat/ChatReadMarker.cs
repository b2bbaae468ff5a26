namespace Clinic.Domain.Chat;

/// <summary>How far one person has read one conversation: everything up to and including <see cref="LastReadMessageId"/>.</summary>
public sealed class ChatReadMarker : Clinic.Domain.Events.RecordsEvents
{
    private ChatReadMarker() { }

    public string UserId { get; private set; } = string.Empty;
    public string PatientUserId { get; private set; } = string.Empty;
    public long LastReadMessageId { get; private set; }

    public static ChatReadMarker For(string userId, string patientUserId) => new() { UserId = userId, PatientUserId = patientUserId };

    /// <summary>Never moves back: reading an older page does not unread newer messages.</summary>
    public bool ReadUpTo(long messageId)
    {
        if (messageId <= LastReadMessageId)
            return false;
        LastReadMessageId = messageId;
        Happened(new Clinic.Domain.Events.ConversationChanged(PatientUserId));
        return true;
    }
}
