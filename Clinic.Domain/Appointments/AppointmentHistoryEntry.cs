using Clinic.Domain.Common;

namespace Clinic.Domain.Appointments;

public enum HistoryKind
{
    Created,
    Status,
    Time,
    Stage,
    Deleted,

    /// <summary>Moved to another doctor; From and To hold the doctors' ids.</summary>
    Doctor,

    /// <summary>The note for the doctor was changed.</summary>
    Note,

    /// <summary>The front desk took a payment; From holds the method, To the amount, Reason the reference.</summary>
    Payment,

    /// <summary>A payment was voided (a mistake, or money given back); From the method, To the amount, Reason why.</summary>
    PaymentVoided,

    /// <summary>The fee was lowered; From the fee before, To the fee now, Reason why.</summary>
    Discount,
}

/// <summary>One line of an appointment's history: who did what, when, from what to what, and why.</summary>
public sealed class AppointmentHistoryEntry
{
    private AppointmentHistoryEntry() { }

    public Guid Id { get; private set; }
    public Guid AppointmentId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ByUserId { get; private set; } = string.Empty;
    public string ByName { get; private set; } = string.Empty;
    public HistoryKind Kind { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
    public string? Reason { get; private set; }

    internal static AppointmentHistoryEntry Create(Guid appointmentId, DateTime atUtc, string byUserId, string byName, HistoryKind kind,
        string? from, string? to, string? reason) => new()
        {
            Id = RowIds.New(),
            AppointmentId = appointmentId,
            AtUtc = atUtc,
            ByUserId = byUserId,
            ByName = byName,
            Kind = kind,
            From = from,
            To = to,
            Reason = reason,
        };
}
