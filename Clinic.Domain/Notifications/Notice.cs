namespace Clinic.Domain.Notifications;

/// <summary>
/// What one person should hear about a change; <see cref="Email"/> when it also goes out by mail, and
/// <see cref="TextMessage"/> when it also goes to their mobile (where the clinic sends text messages):
/// what a patient booked by phone, without email, must not miss.
/// </summary>
public sealed record Notice(string UserId, NotificationKind Kind, string Title, string Text, string? Link, bool Email, bool TextMessage = false);
