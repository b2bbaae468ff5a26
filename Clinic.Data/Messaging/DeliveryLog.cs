using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Messaging;

/// <param name="RecipientAddress">Where it went: the email address, or the phone for a text message (<see cref="ByText"/>).</param>
public sealed record DeliveryEntry(Guid Id, OutboxKind Kind, string RecipientName, string? RecipientAddress, string Subject, DeliveryStatus Status,
    int Attempts, DateTime DueUtc, DateTime? NextAttemptUtc, DateTime? SentUtc, string? LastError)
{
    public bool ByText => Kind is OutboxKind.TextReminder or OutboxKind.AppointmentText;
}

/// <summary>The owner's view of what was sent about one appointment: sent, failed with the error, pending, withdrawn.</summary>
public sealed class DeliveryLog(IDbContextFactory<ClinicDbContext> contexts)
{
    public const string OwnerOnly = "Only the owner can see the delivery log.";

    public async Task<Result<IReadOnlyList<DeliveryEntry>>> ForAppointmentAsync(AppointmentActor by, Guid appointmentId, CancellationToken cancellationToken = default)
    {
        if (!by.Actor.IsOwner)
            return Result<IReadOnlyList<DeliveryEntry>>.Failure(OwnerOnly);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from message in db.Outbox.AsNoTracking()
            where message.AppointmentId == appointmentId
            join user in db.Users on message.RecipientUserId equals user.Id
            select new { message, user.FullName, user.Email, user.PhoneNumber }).ToListAsync(cancellationToken);
        IReadOnlyList<DeliveryEntry> entries =
        [
            .. rows.OrderBy(r => r.message.DueUtc).ThenBy(r => r.message.CreatedUtc).Select(r => new DeliveryEntry(
                r.message.Id, r.message.Kind, r.FullName, r.message.Kind is OutboxKind.TextReminder or OutboxKind.AppointmentText ? r.PhoneNumber : r.Email,
                r.message.Kind is OutboxKind.Reminder or OutboxKind.TextReminder ? "Reminder" : r.message.Subject,
                r.message.Status, r.message.Attempts, r.message.DueUtc,
                r.message.Status == DeliveryStatus.Pending ? r.message.NextAttemptUtc : null, r.message.SentUtc, r.message.LastError)),
        ];
        return Result<IReadOnlyList<DeliveryEntry>>.Ok(entries);
    }
}
