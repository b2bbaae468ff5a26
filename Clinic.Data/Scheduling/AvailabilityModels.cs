using Clinic.Domain.Scheduling;

namespace Clinic.Data.Scheduling;

/// <summary>The clinic's calendar facts a page needs to page through days, and what a patient should know before booking.</summary>
/// <param name="CancellationCutoffHours">Patients cancel or move confirmed visits online until this many hours before.</param>
/// <param name="Phone">The number patients call when the rules stop them online; null when the owner has not given one.</param>
public sealed record ClinicCalendar(string TimeZoneId, DateOnly Today, DateOnly LastBookableDate, SchedulingPolicy Policy, int CancellationCutoffHours, string? Phone);

/// <summary>One doctor's slots and day summaries for a range of clinic-local dates.</summary>
public sealed record DoctorAvailability(Guid DoctorId, ClinicCalendar Calendar, IReadOnlyList<DaySummary> Days, IReadOnlyList<Slot> Slots);

/// <summary>A row of the front desk's bulk view.</summary>
public sealed record DoctorDays(Guid DoctorId, string DoctorName, string Specialization, IReadOnlyList<DaySummary> Days);
