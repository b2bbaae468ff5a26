namespace Clinic.Data.Chat;

/// <summary>Chat limits. Section <c>Clinic:Chat</c>.</summary>
public sealed class ChatOptions
{
    public const string Section = "Clinic:Chat";

    /// <summary>At most this many messages per person within <see cref="RateWindow"/>.</summary>
    public int MessagesPerWindow { get; set; } = 10;

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many messages one page of history holds.</summary>
    public int PageSize { get; set; } = 30;
}
