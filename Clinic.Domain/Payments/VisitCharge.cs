namespace Clinic.Domain.Payments;

/// <summary>
/// What a visit costs: the price of its type of visit, else the doctor's consultation fee, in the
/// clinic's currency. Worked out when it is first paid, so a fee changed before then is the one
/// charged; from then on the visit keeps it (<see cref="Appointments.Appointment.AgreedFee"/>).
/// </summary>
public sealed record VisitCharge(decimal Fee, string Currency)
{
    public static VisitCharge Of(decimal? typePrice, decimal doctorFee, string currency) => new(typePrice ?? doctorFee, currency);
}
