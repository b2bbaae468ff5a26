using Clinic.Domain.Common;

namespace Clinic.Domain.Waitlist;

public enum WaitlistStatus
{
    /// <summary>In the queue for the doctor and dates.</summary>
    Waiting,

    /// <summary>Holding an offered seat, waiting for the patient's answer.</summary>
    Offered,

    /// <summary>Accepted an offer: the appointment is a pending request.</summary>
    Booked,

    /// <summary>Declined an offer or let it lapse.</summary>
    Missed,

    /// <summary>The patient left the waitlist.</summary>
    Left,

    /// <summary>The last date passed without a seat.</summary>
    Expired,
}

/// <summary>
/// A patient waiting for a seat with one doctor between two dates (clinic-local). Waiting entries
/// are served in the order they joined: the first whose dates hold a freed seat gets the offer.
/// </summary>
public sealed class WaitlistEntry : Clinic.Domain.Events.RecordsEvents
{
    private WaitlistEntry() { }

    public Guid Id { get; private set; }
    public string PatientUserId { get; private set; } = string.Empty;
    public Guid DoctorId { get; private set; }
    public DateOnly FromDate { get; private set; }
    public DateOnly ToDate { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public WaitlistStatus Status { get; private set; }

    /// <summary>The held appointment while <see cref="WaitlistStatus.Offered"/>, then the booked or missed one.</summary>
    public Guid? OfferAppointmentId { get; private set; }

    /// <summary>Raised by every change: two matchers can never both hand this entry an offer.</summary>
    public int Version { get; private set; }

    public const int MaxDays = 31;
    public const int MaxActivePerPatient = 5;

    public bool IsActive => Status is WaitlistStatus.Waiting or WaitlistStatus.Offered;

    public static Result<WaitlistEntry> Join(string patientUserId, Guid doctorId, DateOnly fromDate, DateOnly toDate, DateOnly today, int bookingWindowDays, DateTime nowUtc)
    {
        var errors = new List<string>();
        if (toDate < fromDate)
            errors.Add("The last date must be on or after the first.");
        else if (toDate.DayNumber - fromDate.DayNumber + 1 > MaxDays)
            errors.Add($"Choose at most {MaxDays} days.");
        if (fromDate < today)
            errors.Add("The dates must be today or later.");
        if (toDate > today.AddDays(bookingWindowDays))
            errors.Add($"The clinic books at most {bookingWindowDays} days ahead; choose dates until {today.AddDays(bookingWindowDays):d MMM yyyy}.");
        if (errors.Count > 0)
            return Result<WaitlistEntry>.Failure([.. errors]);
        var entry = new WaitlistEntry
        {
            Id = RowIds.New(),
            PatientUserId = patientUserId,
            DoctorId = doctorId,
            FromDate = fromDate,
            ToDate = toDate,
            CreatedUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc),
            Status = WaitlistStatus.Waiting,
            Version = 1,
        };
        entry.Changed();
        return Result<WaitlistEntry>.Ok(entry);
    }

    public bool Overlaps(DateOnly fromDate, DateOnly toDate) => FromDate <= toDate && fromDate <= ToDate;

    public void Offer(Guid appointmentId) => Move(WaitlistStatus.Waiting, WaitlistStatus.Offered, appointmentId);

    public void Booked() => Move(WaitlistStatus.Offered, WaitlistStatus.Booked, OfferAppointmentId);

    public void Missed() => Move(WaitlistStatus.Offered, WaitlistStatus.Missed, OfferAppointmentId);

    public void Expire() => Move(WaitlistStatus.Waiting, WaitlistStatus.Expired, OfferAppointmentId);

    public Result Leave()
    {
        if (!IsActive)
            return Result.Failure("You are no longer on this waitlist.");
        Status = WaitlistStatus.Left;
        Version++;
        Changed();
        return Result.Success;
    }

    private void Move(WaitlistStatus from, WaitlistStatus to, Guid? appointmentId)
    {
        if (Status != from)
            throw new InvalidOperationException($"A waitlist entry that is {Status} cannot become {to}.");
        Status = to;
        OfferAppointmentId = appointmentId;
        Version++;
        Changed();
    }

    private void Changed() => Happened(new Clinic.Domain.Events.WaitlistChanged(DoctorId, PatientUserId));
}
