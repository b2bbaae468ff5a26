using Clinic.Domain.Clinics;
using Clinic.Domain.Common;
using Clinic.Domain.Payments;

namespace Clinic.Domain.Appointments;

/// <summary>The visit's payments: taken at the front desk once the visit is confirmed, voided with a reason, never deleted.</summary>
public sealed partial class Appointment
{
    private readonly List<VisitPayment> payments = [];

    /// <summary>Every payment taken for the visit, voided ones included (they stay on record).</summary>
    public IReadOnlyList<VisitPayment> Payments => payments;

    /// <summary>
    /// The fee the visit was first paid against, kept from then on: a price raised after the patient
    /// paid does not make a paid visit owe the difference. Null until money is first taken.
    /// </summary>
    public decimal? AgreedFee { get; private set; }

    /// <summary>The fee before the desk lowered it (<see cref="Discount"/>); null when it was never lowered.</summary>
    public decimal? FeeBeforeDiscount { get; private set; }

    /// <summary>What the visit costs: the fee it was paid against, else <paramref name="current"/> (its type's price or its doctor's fee now).</summary>
    public VisitCharge ChargeOf(VisitCharge current) => AgreedFee is { } agreed ? current with { Fee = agreed } : current;

    /// <summary>What was received and not voided.</summary>
    public decimal Paid => payments.Where(p => !p.IsVoided).Sum(p => p.Amount);

    /// <summary>What is still due against <paramref name="charge"/>; never below nothing.</summary>
    public decimal Due(VisitCharge charge) => Math.Max(0, charge.Fee - Paid);

    public Result TakePayment(AppointmentActor by, PaymentDetails payment, VisitCharge current, DateTime nowUtc, Guid? atBranch = null)
    {
        var charge = ChargeOf(current);
        if (PaymentRefusal(by, charge) is { } refused)
            return refused.ToResult();
        if (payment.Problems(Due(charge), charge.Currency) is { Count: > 0 } problems)
            return Result.From(problems);
        var taken = VisitPayment.Create(Id, payment.Amount, charge.Currency, payment.Method, payment.Reference, Utc(nowUtc), by.UserId, by.Name, atBranch);
        payments.Add(taken);
        AgreedFee ??= charge.Fee;
        MoneyChanged(nowUtc);
        Record(nowUtc, by.UserId, by.Name, HistoryKind.Payment, taken.Method.ToString(), Money.Format(taken.Amount, taken.Currency), taken.Reference);
        return Result.Success;
    }

    /// <summary>
    /// Lowers the visit's fee, with why; it stays lowered whatever the price does later. Owner and
    /// staff, on a confirmed or finished visit with something still due, never below what was paid.
    /// </summary>
    public Result Discount(AppointmentActor by, FeeDiscount discount, VisitCharge current, DateTime nowUtc)
    {
        var charge = ChargeOf(current);
        if (DiscountRefusal(by, charge) is { } refused)
            return refused.ToResult();
        if (discount.Problems(charge, Paid) is { Count: > 0 } problems)
            return Result.From(problems);
        FeeBeforeDiscount ??= charge.Fee;
        AgreedFee = discount.Fee;
        MoneyChanged(nowUtc);
        Record(nowUtc, by.UserId, by.Name, HistoryKind.Discount, Money.Format(charge.Fee, charge.Currency), Money.Format(discount.Fee, charge.Currency), discount.Reason!.Trim());
        return Result.Success;
    }

    /// <summary>
    /// Takes a payment off the visit's account: entered by mistake, or given back. The owner may void
    /// any; staff the ones they took themselves, on the day they took them, while the drawer is theirs.
    /// </summary>
    public Result VoidPayment(AppointmentActor by, Guid paymentId, string? reason, DateTime nowUtc, TimeZoneInfo zone)
    {
        var payment = payments.FirstOrDefault(p => p.Id == paymentId);
        if (payment is null)
            return Result.Refused(RefusalCodes.NotFound, "That payment is not on this appointment.");
        if (VoidRefusal(by, payment, nowUtc, zone) is { } refused)
            return refused.ToResult();
        if (string.IsNullOrWhiteSpace(reason))
            return Result.Failure("Say why the payment is voided (entered by mistake, money given back, ...).");
        if (reason.Trim().Length > MaxReasonLength)
            return Result.Failure($"The reason can be at most {MaxReasonLength} characters.");
        if (Text.HasControlCharacters(reason, allowLineBreaks: true))
            return Result.Failure("The reason contains invisible control characters.");
        payment.Void(Utc(nowUtc), by.Name, reason.Trim());
        MoneyChanged(nowUtc);
        Record(nowUtc, by.UserId, by.Name, HistoryKind.PaymentVoided, payment.Method.ToString(), Money.Format(payment.Amount, payment.Currency), reason.Trim());
        return Result.Success;
    }

    /// <summary>Whether <paramref name="by"/> may void <paramref name="payment"/> now, and why not.</summary>
    public ActionVerdict VoidVerdict(AppointmentActor by, VisitPayment payment, DateTime nowUtc, TimeZoneInfo zone) =>
        Verdict(AppointmentAction.VoidPayment, VoidRefusal(by, payment, nowUtc, zone));

    private ActionVerdict? TakePaymentRefusal(AppointmentActor by, VisitCharge? current) => PaymentRefusal(by, current is null ? null : ChargeOf(current));

    private ActionVerdict? DiscountRefusalAt(AppointmentActor by, VisitCharge? current) => DiscountRefusal(by, current is null ? null : ChargeOf(current));

    private ActionVerdict? PaymentRefusal(AppointmentActor by, VisitCharge? charge) =>
        MoneyRefusal(by, charge, AppointmentAction.TakePayment, "Confirm the request before taking a payment.");

    private ActionVerdict? DiscountRefusal(AppointmentActor by, VisitCharge? charge) =>
        MoneyRefusal(by, charge, AppointmentAction.Discount, "Confirm the request before lowering its fee.");

    // Money is taken, and a fee lowered, where something is still due on a visit the clinic charges for.
    private ActionVerdict? MoneyRefusal(AppointmentActor by, VisitCharge? charge, AppointmentAction action, string whilePending) =>
        Permission(by, action)
        ?? (Status == AppointmentStatus.Pending ? Inapplicable(whilePending)
        : Status is not (AppointmentStatus.Confirmed or AppointmentStatus.Completed) ? Inapplicable($"This appointment is {Describe(Status)}; nothing is due.")
        : charge is null ? Inapplicable("The visit's fee is not known here.")
        : charge.Fee <= 0 ? Inapplicable("This visit is free of charge.")
        : Due(charge) <= 0 ? Inapplicable("The visit is paid in full.")
        : null);

    private ActionVerdict? VoidRefusal(AppointmentActor by, VisitPayment payment, DateTime nowUtc, TimeZoneInfo zone)
    {
        if (Permission(by, AppointmentAction.VoidPayment) is { } denied)
            return denied;
        if (payment.IsVoided)
            return Inapplicable("This payment was already voided.");
        if (by.Actor.IsIn(Identity.ClinicRoles.Owner))
            return null;
        if (payment.ReceivedByUserId != by.UserId)
            return Inapplicable($"Only the owner can void a payment {payment.ReceivedByName} took.");
        return ClinicTime.DateOf(new DateTimeOffset(payment.ReceivedUtc), zone) != ClinicTime.DateOf(new DateTimeOffset(Utc(nowUtc)), zone)
            ? Inapplicable("A payment from an earlier day can be voided by the owner only.")
            : null;
    }

    // Money changes the appointment's pages, not anyone's slots.
    private void MoneyChanged(DateTime nowUtc)
    {
        UpdatedUtc = Utc(nowUtc);
        Version++;
        Happened(new Clinic.Domain.Events.AppointmentChanged(Id, DoctorId, PatientUserId));
    }
}
