namespace Clinic.Domain.Appointments;

public enum AppointmentStatus
{
    Pending,
    Confirmed,
    Completed,
    Cancelled,
    NoShow,
}

public static class AppointmentStatuses
{
    /// <summary>Pending, Confirmed and Completed hold a seat; Cancelled and NoShow free it.</summary>
    public static IReadOnlyList<AppointmentStatus> SeatHolding { get; } =
        [AppointmentStatus.Pending, AppointmentStatus.Confirmed, AppointmentStatus.Completed];

    public static bool HoldsSeat(this AppointmentStatus status) => SeatHolding.Contains(status);
}

/// <summary>
/// A patient's visit to a doctor in one slot. Each seat-holding appointment takes one numbered seat
/// of its slot, which the database keeps unique per doctor and start.
/// </summary>
public sealed class Appointment
{
    private Appointment() { }

    public Guid Id { get; private set; }
    public Guid DoctorId { get; private set; }
    public string PatientUserId { get; private set; } = string.Empty;
    public DateTime StartUtc { get; private set; }
    public DateTime EndUtc { get; private set; }
    public int SeatNumber { get; private set; }
    public AppointmentStatus Status { get; private set; }
    public DateTime CreatedUtc { get; private set; }

    /// <summary>A patient's request for a seat: Pending until the clinic confirms it.</summary>
    public static Appointment Request(Guid doctorId, string patientUserId, DateTime startUtc, DateTime endUtc, int seatNumber, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        DoctorId = doctorId,
        PatientUserId = patientUserId,
        StartUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc),
        EndUtc = DateTime.SpecifyKind(endUtc, DateTimeKind.Utc),
        SeatNumber = seatNumber,
        Status = AppointmentStatus.Pending,
        CreatedUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc),
    };
}
