using Clinic.Domain.Waitlist;

namespace Clinic.Data.Waitlist;

/// <summary>A patient's place on a waitlist, with the offer they hold if any.</summary>
public sealed record WaitlistView(Guid Id, Guid DoctorId, string DoctorName, DateOnly FromDate, DateOnly ToDate, WaitlistStatus Status,
    DateTime CreatedUtc, int Position, Guid? OfferAppointmentId, DateTime? OfferLocalStart, DateTime? OfferHeldUntilLocal);
