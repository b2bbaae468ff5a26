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
    int Version);

public sealed record AppointmentDetail(AppointmentView Appointment, IReadOnlyList<AppointmentHistoryEntry> History, string TimeZoneId);

/// <summary>A patient the front desk can book for.</summary>
public sealed record PatientChoice(string UserId, string FullName, string Email, string? Phone);
