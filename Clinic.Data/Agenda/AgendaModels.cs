using Clinic.Domain.Appointments;
using Clinic.Domain.Scheduling;

namespace Clinic.Data.Agenda;

/// <summary>
/// One booking in the agenda: who, how it stands, for what, whether it carries a note, and whether the
/// person looking may move it. In a later slot of a longer visit, <see cref="Continuation"/> says
/// what holds it ("continued", or the time kept free after the visit).
/// </summary>
public sealed record AgendaBooking(Guid AppointmentId, string PatientUserId, string PatientName, string? PatientPhone, AppointmentStatus Status,
    VisitStage Stage, string? ServiceName, bool HasNote, int Version = 1, bool CanMove = false, string? ServiceColour = null, bool InSeries = false,
    string? Continuation = null);

/// <summary>A slot of a doctor's day with the bookings that hold its seats.</summary>
public sealed record AgendaSlot(Slot Slot, IReadOnlyList<AgendaBooking> Bookings);

/// <summary>One column: a doctor's day (the day view), or one day of a doctor's week (the week view, <see cref="Date"/> set).</summary>
public sealed record AgendaColumn(Guid DoctorId, string DoctorName, string Specialization, IReadOnlyList<AgendaSlot> Slots, string? ClosedReason, DateOnly? Date = null);

/// <summary>The clinic's day across doctors, in its own time.</summary>
public sealed record AgendaDay(DateOnly Date, DateOnly Today, string TimeZoneId, IReadOnlyList<AgendaColumn> Columns, IReadOnlyList<string> Specializations);
