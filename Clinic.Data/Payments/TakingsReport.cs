using Clinic.Domain.Payments;

namespace Clinic.Data.Payments;

/// <summary>
/// The money the clinic received over some days, for the owner's accounts: in total, by method, by
/// doctor, by who took it and by day; the voids; the fees lowered on those days' visits; and the
/// finished visits of those days still owing.
/// Totals are in the clinic's currency; money taken in another (before the currency was changed) is
/// kept apart in <see cref="OtherCurrencies"/>, never added in.
/// </summary>
public sealed record TakingsReport(
    TakingsPeriod Period,
    string Currency,
    decimal Total,
    int Payments,
    decimal Voided,
    int Voids,
    decimal Discounted,
    int Discounts,
    IReadOnlyList<MethodTakings> ByMethod,
    IReadOnlyList<TakingsGroup> ByDoctor,
    IReadOnlyList<TakingsGroup> ByReceiver,
    IReadOnlyList<DayTotal> ByDay,
    IReadOnlyList<OutstandingVisit> Outstanding,
    IReadOnlyList<TakingsGroup> OtherCurrencies,
    IReadOnlyList<TakingsLine> Lines)
{
    public decimal OwedTotal => Outstanding.Sum(o => o.Due);

    /// <summary>What was taken at each branch (where the visit was when paid); empty in a clinic without branches.</summary>
    public IReadOnlyList<TakingsGroup> ByBranch { get; init; } = [];
}

/// <summary>What one doctor's visits, or one person at the desk, brought in.</summary>
public sealed record TakingsGroup(string Name, decimal Amount, int Count);

public sealed record DayTotal(DateOnly Day, decimal Amount, int Count);

/// <summary>A finished visit that still owes part or all of its fee.</summary>
public sealed record OutstandingVisit(Guid AppointmentId, DateTime LocalStart, string PatientUserId, string PatientName, string? PatientPhone, string DoctorName, decimal Fee, decimal Paid, string Currency)
{
    public decimal Due => Math.Max(0, Fee - Paid);
}

/// <summary>One payment as the accounts list it, voided or not, with the visit it was for; times are the clinic's.</summary>
public sealed record TakingsLine(
    Guid PaymentId,
    Guid AppointmentId,
    DateTime LocalReceived,
    DateTime VisitLocalStart,
    string PatientName,
    string DoctorName,
    string? ServiceName,
    PaymentMethod Method,
    string? Reference,
    decimal Amount,
    string Currency,
    string ReceivedByName,
    DateTime? LocalVoided,
    string? VoidedByName,
    string? VoidReason)
{
    public bool IsVoided => LocalVoided is not null;
}
