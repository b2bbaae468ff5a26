namespace Clinic.Domain.Payments;

/// <summary>
/// What a visit costs: the price of its type of visit, else the doctor's consultation fee, in the
/// clinic's currency. Worked out when it is paid, so a fee changed before the visit is the one charged.
/// </summary>
public sealed record VisitCharge(decimal Fee, string Currency)
{
    public static VisitCharge Of(decimal? typePrice, decimal doctorFee, string currency) => new(typePrice ?? doctorFee, currency);
}
