using Clinic.Data.Booking;
using Clinic.Domain.Appointments;
using Clinic.Domain.Payments;
using Clinic.Domain.Scheduling;

namespace Clinic.Web.Api;

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>One slot as the API shows it: the instant in UTC, the wall-clock time in the clinic's zone, seats and whether it can be taken (and if not, why).</summary>
public sealed record SlotDto(DateTime StartUtc, DateTime EndUtc, DateTime LocalStart, DateTime LocalEnd, int SeatsTotal, int SeatsLeft, string State, string Reason)
{
    public static SlotDto From(Slot slot) =>
        new(slot.StartUtc, slot.EndUtc, slot.LocalStart, slot.LocalEnd, slot.SeatsTotal, slot.SeatsLeft, slot.State.ToString(), slot.Reason);
}

public sealed record DayDto(DateOnly Date, int Slots, int AvailableSlots, int SeatsLeft, string? ClosedReason)
{
    public static DayDto From(DaySummary day) => new(day.Date, day.Slots, day.AvailableSlots, day.SeatsLeft, day.ClosedReason);
}

public sealed record DoctorAvailabilityDto(Guid DoctorId, string TimeZoneId, DateOnly From, DateOnly To, IReadOnlyList<DayDto> Days, IReadOnlyList<SlotDto> Slots);

public sealed record BulkAvailabilityRequest(IReadOnlyList<Guid>? DoctorIds, IReadOnlyList<DateOnly>? Dates);

public sealed record DoctorDaysDto(Guid DoctorId, string DoctorName, string Specialization, IReadOnlyList<DayDto> Days);

public sealed record NextFreeDto(Guid DoctorId, SlotDto Slot);

public sealed record BookRequest(Guid? DoctorId, DateTime? StartUtc, Guid? ServiceId, string? Note, string? PatientUserId);

public sealed record VersionRequest(int? Version);

public sealed record CancelRequest(string? Reason, int? Version);

/// <param name="DoctorId">Another doctor to move to (owner and staff only); the same doctor when omitted.</param>
public sealed record RescheduleRequest(DateTime? StartUtc, int? Version, Guid? DoctorId = null);

public sealed record HistoryDto(DateTime AtUtc, string ByName, string Kind, string? From, string? To, string? Reason);

/// <param name="Actions">What the caller may do with the appointment now: each action they could take, allowed or not yet, with the reason and code of a refusal.</param>
/// <param name="Account">What the visit costs, what was paid and what is still due; null for a request or a visit cancelled with nothing paid.</param>
/// <param name="Payments">Every payment taken for it, voided ones included, oldest first.</param>
/// <param name="PlaceInLine">For a patient in the waiting room, their place in the doctor's line today (1: next to go in); null otherwise.</param>
public sealed record AppointmentDetailDto(AppointmentView Appointment, string TimeZoneId, IReadOnlyList<HistoryDto> History, IReadOnlyList<ActionDto> Actions,
    AccountDto? Account, IReadOnlyList<PaymentDto> Payments, int? PlaceInLine)
{
    public static AppointmentDetailDto From(AppointmentDetail detail) => new(detail.Appointment, detail.TimeZoneId,
        [.. detail.History.Select(h => new HistoryDto(h.AtUtc, h.ByName, h.Kind.ToString(), h.From, h.To, h.Reason))],
        [.. detail.Actions.Verdicts.Where(v => v.Shows).Select(ActionDto.From)],
        detail.Account is { } account ? new AccountDto(account.Fee, account.Paid, account.Due, account.Currency, account.FeeBeforeDiscount) : null,
        [.. detail.Payments.Select(line => PaymentDto.From(line.Payment, line.Void.IsAllowed))], detail.PlaceInLine);
}

/// <param name="FeeBeforeDiscount">The fee before the desk lowered it; null when it was not lowered.</param>
public sealed record AccountDto(decimal Fee, decimal Paid, decimal Due, string Currency, decimal? FeeBeforeDiscount);

/// <param name="CanVoid">Whether the caller may void it now (the owner any; staff their own, on the day).</param>
/// <param name="BranchId">The branch it was taken at (see <c>GET /branches</c>); null in a clinic without branches.</param>
public sealed record PaymentDto(Guid Id, decimal Amount, string Currency, PaymentMethod Method, string? Reference, DateTime ReceivedUtc, string ReceivedByName,
    DateTime? VoidedUtc, string? VoidedByName, string? VoidReason, bool CanVoid, Guid? BranchId)
{
    public static PaymentDto From(VisitPayment p, bool canVoid) =>
        new(p.Id, p.Amount, p.Currency, p.Method, p.Reference, p.ReceivedUtc, p.ReceivedByName, p.VoidedUtc, p.VoidedByName, p.VoidReason, canVoid, p.BranchId);
}

/// <param name="Method">Cash, Card, MobileWallet or BankTransfer.</param>
/// <param name="Reference">The card slip's or the wallet's transaction number, if any.</param>
public sealed record PaymentRequest(decimal? Amount, PaymentMethod? Method, string? Reference, int? Version);

public sealed record VoidPaymentRequest(string? Reason, int? Version);

/// <param name="Fee">The visit's new, lower fee.</param>
public sealed record DiscountRequest(decimal? Fee, string? Reason, int? Version);

/// <summary>One action on an appointment: <c>cancel</c>, <c>reschedule</c>, <c>confirm</c>, <c>complete</c>, <c>no-show</c>, <c>stage</c>, <c>edit-note</c>, <c>delete</c>, <c>accept-offer</c>, <c>decline-offer</c>, <c>take-payment</c>, <c>discount</c>.</summary>
public sealed record ActionDto(string Action, bool Allowed, string? Code, string? Reason)
{
    public static ActionDto From(ActionVerdict verdict) => new(Name(verdict.Action), verdict.IsAllowed, verdict.Code, verdict.Reason);

    private static string Name(AppointmentAction action) => action switch
    {
        AppointmentAction.NoShow => "no-show",
        AppointmentAction.EditNote => "edit-note",
        AppointmentAction.AcceptOffer => "accept-offer",
        AppointmentAction.DeclineOffer => "decline-offer",
        AppointmentAction.TakePayment => "take-payment",
        AppointmentAction.VoidPayment => "void-payment",
        AppointmentAction.Discount => "discount",
        _ => action.ToString().ToLowerInvariant(),
    };
}

public sealed record PageDto<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed record UnreadCountDto(int Unread);

public sealed record AppointmentListQuery(AppointmentStatus? Status, Guid? DoctorId, DateOnly? From, DateOnly? To, string? Q, int Page = 0, int PageSize = 20);
