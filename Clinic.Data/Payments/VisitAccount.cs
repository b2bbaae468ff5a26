using Clinic.Domain.Appointments;
using Clinic.Domain.Payments;

namespace Clinic.Data.Payments;

/// <summary>A visit's money as the pages show it: what it costs, what was received, what is still due.</summary>
public sealed record VisitAccount(decimal Fee, decimal Paid, string Currency)
{
    /// <summary>The fee before the desk lowered it; null when it was not lowered.</summary>
    public decimal? FeeBeforeDiscount { get; init; }

    public decimal Due => Math.Max(0, Fee - Paid);

    /// <summary>Something was due and nothing is now.</summary>
    public bool IsPaid => Fee > 0 && Due == 0;

    public static VisitAccount Of(Appointment appointment, VisitCharge charge) =>
        new(charge.Fee, appointment.Paid, charge.Currency) { FeeBeforeDiscount = appointment.FeeBeforeDiscount };
}

/// <summary>One payment on an appointment's page, with whether the person looking may void it.</summary>
public sealed record PaymentLine(VisitPayment Payment, ActionVerdict Void);
