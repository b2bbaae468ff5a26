using Clinic.Domain.Scheduling;

namespace Clinic.Data.Scheduling;

/// <summary>The clinic's calendar facts a page needs to page through days.</summary>
public sealed record ClinicCalendar(string TimeZoneId, DateOnly Today, DateOnly LastBookableDate, SchedulingPolicy Policy);

/// <summary>One doctor's slots and day summaries for a range of clinic-local dates.</summary>
public sealed record DoctorAvailability(Guid DoctorId, ClinicCalendar Calendar, IReadOnlyList<DaySummary> Days, IReadOnlyList<Slot> Slots);

/// <summary>A row of the front desk's bulk view.</summary>
public sealed record DoctorDays(Guid DoctorId, string DoctorName, string Specialization, IReadOnlyList<DaySummary> Days);
