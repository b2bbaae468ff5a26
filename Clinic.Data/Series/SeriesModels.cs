using Clinic.Domain.Series;

namespace Clinic.Data.Series;

/// <summary>A series the front desk wants to book: the first visit (doctor, start, patient) and how it repeats.</summary>
public sealed record SeriesRequest(Guid DoctorId, string PatientUserId, DateTime FirstStartUtc, SeriesRule Rule, Guid? ServiceId = null, string? Note = null);

/// <summary>
/// One visit of a series as checked before anything is saved: free at its time, or why not and
/// the nearest free time to take instead (none when the week around it has none).
/// </summary>
public sealed record SeriesOccurrence(DateOnly Date, DateTime? StartUtc, DateTime? LocalStart, bool Free, string? Reason, DateTime? AlternativeUtc, DateTime? AlternativeLocal);

/// <summary>The whole series checked: each visit, and the rule in words.</summary>
public sealed record SeriesPreview(IReadOnlyList<SeriesOccurrence> Occurrences, string Description, string TimeZoneId);

/// <summary>What was saved: the series and its appointments, in time order.</summary>
public sealed record SeriesBooked(Guid SeriesId, IReadOnlyList<Guid> AppointmentIds);
