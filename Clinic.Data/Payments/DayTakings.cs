using Clinic.Domain.Payments;

namespace Clinic.Data.Payments;

/// <summary>
/// The money the desk received on one clinic day, by method, for counting the drawer at closing;
/// voided payments do not count. <see cref="DoneUnpaid"/> is the day's finished visits with money still due.
/// </summary>
public sealed record DayTakings(string Currency, decimal Total, IReadOnlyList<MethodTakings> ByMethod, int Payments, int DoneUnpaid);

public sealed record MethodTakings(PaymentMethod Method, decimal Amount, int Count);
