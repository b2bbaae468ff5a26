namespace Clinic.Domain.Appointments;

/// <summary>
/// One seat of one slot that an appointment holds. A visit longer than the doctor's slot, or with
/// time kept free after it, holds one in each slot it covers; the database keeps each seat unique per
/// doctor and start, so no two live appointments ever share one. The rows exist only while the
/// appointment holds its time: cancelling it removes them.
/// </summary>
public sealed class AppointmentSeat
{
    private AppointmentSeat() { }

    internal AppointmentSeat(Guid appointmentId, Guid doctorId, DateTime startUtc, int seatNumber) =>
        (AppointmentId, DoctorId, StartUtc, SeatNumber) = (appointmentId, doctorId, DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), seatNumber);

    public Guid AppointmentId { get; private set; }
    public Guid DoctorId { get; private set; }
    public DateTime StartUtc { get; private set; }
    public int SeatNumber { get; private set; }

    internal bool Is(Guid doctorId, DateTime startUtc, int seatNumber) =>
        DoctorId == doctorId && StartUtc == startUtc && SeatNumber == seatNumber;
}
