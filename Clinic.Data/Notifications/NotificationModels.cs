using Clinic.Domain.Notifications;

namespace Clinic.Data.Notifications;

public sealed record NotificationView(Guid Id, NotificationKind Kind, string Title, string Text, string? Link, DateTime CreatedUtc, DateTime? ReadUtc)
{
    public bool IsRead => ReadUtc is not null;
}

/// <summary>What the bell shows: the unread count and the latest few.</summary>
public sealed record NotificationSummary(int Unread, IReadOnlyList<NotificationView> Latest);
