namespace Clinic.Data.Chat;

public sealed record ChatMessageView(long Id, string SenderUserId, string SenderName, bool FromClinic, string Text, DateTime SentUtc);

/// <summary>A stretch of a conversation, oldest first; <see cref="HasOlder"/> when there is more before it.</summary>
public sealed record ChatPage(string PatientUserId, string PatientName, IReadOnlyList<ChatMessageView> Messages, bool HasOlder);

/// <summary>A line of the clinic's inbox: one patient's conversation.</summary>
public sealed record ConversationSummary(string PatientUserId, string PatientName, string LastText, string LastSenderName, bool LastFromClinic, DateTime LastSentUtc, int Unread);
