using Clinic.Domain.Appointments;

namespace Clinic.Data.Booking;

/// <summary>A booking: a patient books for themselves (no PatientUserId); staff name the patient.</summary>
public sealed record BookingRequest(Guid DoctorId, DateTime StartUtc, Guid? ServiceId = null, string? Note = null, string? PatientUserId = null);

/// <summary>What a booking produced, with the time in the clinic's zone.</summary>
public sealed record Booked(Guid AppointmentId, AppointmentStatus Status, DateTime LocalStart, DateTime LocalEnd, string TimeZoneId);

/// <summary>An appointment as the pages show it.</summary>
public sealed record AppointmentView(
    Guid Id,
    Guid DoctorId,
    string DoctorName,
    string Specialization,
    string PatientUserId,
    string PatientName,
    string? PatientPhone,
    DateTime StartUtc,
    DateTime LocalStart,
    DateTime LocalEnd,
    AppointmentStatus Status,
    VisitStage Stage,
    string? ServiceName,
    string? PatientNote,
    string? CancelReason,
    DateTime CreatedUtc,
    int Version,
    DateTime EndUtc)
{
    /// <summary>A visit by video rather than in person.</summary>
    public bool IsOnline { get; init; }

    /// <summary>One of a series of visits booked together.</summary>
    public bool InSeries { get; init; }

    /// <summary>Where the video visit takes place: set for its patient and doctor once it is confirmed, for nobody else.</summary>
    public string? MeetingUrl { get; init; }
}

/// <param name="Actions">What the person who asked may do with it now, from the domain's rules.</param>
/// <param name="ClinicPhone">The number to call when the rules stop the person online.</param>
/// <param name="ClinicPhone">The number to call about it: the doctor's branch's, else the clinic's.</param>
public sealed record AppointmentDetail(AppointmentView Appointment, IReadOnlyList<AppointmentHistoryEntry> History, string TimeZoneId, AllowedActions Actions,
    string? ClinicPhone)
{
    /// <summary>The visits of its series in time order (this one among them); empty for a visit on its own.</summary>
    public IReadOnlyList<SeriesVisit> Series { get; init; } = [];

    /// <summary>Where a visit in person takes place: the clinic and the doctor's practice address.</summary>
    public string? Place { get; init; }

    /// <summary>For a patient in the waiting room, their place in the doctor's line today; 1 for next.</summary>
    public int? PlaceInLine { get; init; }

    /// <summary>What the visit costs and what was paid; null for a visit that was never due (cancelled before, or a request).</summary>
    public Clinic.Data.Payments.VisitAccount? Account { get; init; }

    /// <summary>Every payment taken for it, voided ones included, oldest first.</summary>
    public IReadOnlyList<Clinic.Data.Payments.PaymentLine> Payments { get; init; } = [];

    /// <summary>The names of the doctors a move between doctors in the history names by id.</summary>
    public IReadOnlyDictionary<string, string> DoctorNames { get; init; } = new Dictionary<string, string>();
}

/// <summary>A patient's appointments, what they may do to each now, and the clinic's number for what they may not.</summary>
public sealed record PatientAppointments(IReadOnlyList<AppointmentView> Appointments, IReadOnlyDictionary<Guid, AllowedActions> Actions, string? ClinicPhone)
{
    /// <summary>The money of the visits seen, or paid ahead: what was paid and what is still due.</summary>
    public IReadOnlyDictionary<Guid, Clinic.Data.Payments.VisitAccount> Accounts { get; init; } = new Dictionary<Guid, Clinic.Data.Payments.VisitAccount>();
}

/// <summary>One row of the front desk: the appointment, its money, and what the person looking may do to it now.</summary>
public sealed record FrontDeskRow(AppointmentView Visit, AllowedActions Actions, Clinic.Data.Payments.VisitAccount? Account = null)
{
    /// <summary>What the patient still owes for earlier finished visits (owner and staff only): to ask for while they are here.</summary>
    public decimal OwedBefore { get; init; }

    /// <summary>A checked-in patient's place in their doctor's line (<see cref="Clinic.Domain.Appointments.WaitingLine"/>), 1 for next.</summary>
    public int? PlaceInLine { get; init; }

    /// <summary>When a waiting patient checked in, on the clinic's clock.</summary>
    public DateTime? WaitingSince { get; init; }
}

/// <summary>
/// Today at the front desk: visits (confirmed, done, missed) and requests for today not yet confirmed;
/// for owner and staff also the day's takings.
/// </summary>
public sealed record FrontDeskDay(IReadOnlyList<FrontDeskRow> Visits, IReadOnlyList<FrontDeskRow> Requests, Clinic.Data.Payments.DayTakings? Takings = null);

/// <summary>Who holds a seat in a doctor's slot, for the doctor's and the clinic's calendar.</summary>
public sealed record SlotBooking(Guid AppointmentId, DateTime StartUtc, string PatientName, AppointmentStatus Status);

/// <summary>A patient the front desk can book for or write to, told apart by date of birth and phone.</summary>
public sealed record PatientChoice(string UserId, string FullName, string Email, string? Phone, DateOnly? DateOfBirth = null);

/// <summary>The appointments table's filters; every one optional.</summary>
public sealed record AppointmentFilter(string? Text = null, AppointmentStatus? Status = null, Guid? DoctorId = null, DateOnly? From = null, DateOnly? To = null);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

/// <summary>Seat-holding bookings per doctor and day, for the dashboards' week chart.</summary>
public sealed record DoctorLoad(Guid DoctorId, string DoctorName, IReadOnlyList<(DateOnly Date, int Bookings)> Days);

/// <summary>One visit of a series, as the appointment page lists it.</summary>
public sealed record SeriesVisit(Guid Id, DateTime StartUtc, DateTime LocalStart, AppointmentStatus Status);
