using Clinic.Domain.Common;

namespace Clinic.Domain.Payments;

/// <summary>
/// Money the front desk received for a visit. It is never deleted: a mistake or a refund voids it,
/// with who did it and why, and it stops counting towards what was paid.
/// </summary>
public sealed class VisitPayment
{
    public const int MaxReferenceLength = 60;

    private VisitPayment() { }

    public Guid Id { get; private set; }
    public Guid AppointmentId { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = string.Empty;
    public PaymentMethod Method { get; private set; }

    /// <summary>The card slip's or the wallet's transaction number, when there is one.</summary>
    public string? Reference { get; private set; }
    public DateTime ReceivedUtc { get; private set; }
    public string ReceivedByUserId { get; private set; } = string.Empty;
    public string ReceivedByName { get; private set; } = string.Empty;

    /// <summary>
    /// The branch the visit was at when the money came in, so the accounts keep it there when the
    /// doctor later moves; none in a clinic without branches.
    /// </summary>
    public Guid? BranchId { get; private set; }
    public DateTime? VoidedUtc { get; private set; }
    public string? VoidedByName { get; private set; }
    public string? VoidReason { get; private set; }

    public bool IsVoided => VoidedUtc is not null;

    internal static VisitPayment Create(Guid appointmentId, decimal amount, string currency, PaymentMethod method, string? reference, DateTime receivedUtc,
        string byUserId, string byName, Guid? branchId) => new()
        {
            Id = RowIds.New(),
            AppointmentId = appointmentId,
            Amount = amount,
            Currency = currency,
            Method = method,
            Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(),
            ReceivedUtc = receivedUtc,
            ReceivedByUserId = byUserId,
            ReceivedByName = byName,
            BranchId = branchId,
        };

    internal void Void(DateTime nowUtc, string byName, string reason) => (VoidedUtc, VoidedByName, VoidReason) = (nowUtc, byName, reason);
}
