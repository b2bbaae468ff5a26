using Clinic.Domain.Common;

namespace Clinic.Domain.Notifications;

public enum NotificationKind
{
    AppointmentUpdate,
    Reminder,
    WaitlistOffer,
    Chat,
    System,
}

/// <summary>One message in a person's bell: what happened, and a link to the thing it is about.</summary>
public sealed class Notification : Clinic.Domain.Events.RecordsEvents
{
    private Notification() { }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = string.Empty;
    public NotificationKind Kind { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Text { get; private set; } = string.Empty;

    /// <summary>A path inside the app, e.g. /appointments/{id}.</summary>
    public string? Link { get; private set; }

    public DateTime CreatedUtc { get; private set; }
    public DateTime? ReadUtc { get; private set; }

    public bool IsRead => ReadUtc is not null;

    public const int MaxTitleLength = 120;
    public const int MaxTextLength = 1000;

    public static Notification Create(string userId, NotificationKind kind, string title, string text, string? link, DateTime nowUtc)
    {
        var notification = new Notification
        {
            Id = RowIds.New(),
            UserId = userId,
            Kind = kind,
            Title = Clip(title, MaxTitleLength),
            Text = Clip(text, MaxTextLength),
            Link = link,
            CreatedUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc),
        };
        notification.Happened(new Clinic.Domain.Events.NotificationsChanged(userId));
        return notification;
    }

    public void MarkRead(DateTime nowUtc)
    {
        if (ReadUtc is not null)
            return;
        ReadUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        Happened(new Clinic.Domain.Events.NotificationsChanged(UserId));
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
