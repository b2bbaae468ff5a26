namespace Clinic.Domain.Notifications;

/// <summary>What one person should hear about a change; <see cref="Email"/> when it also goes out by mail.</summary>
public sealed record Notice(string UserId, NotificationKind Kind, string Title, string Text, string? Link, bool Email);
