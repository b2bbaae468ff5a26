namespace Clinic.Domain.Appointments;

/// <summary>A checked-in patient waiting for their doctor: the visit, its time and when they arrived.</summary>
public sealed record WaitingPatient(Guid AppointmentId, Guid DoctorId, DateTime StartUtc, DateTime CheckedInUtc);

/// <summary>
/// Who goes in next, doctor by doctor: the earliest appointment first and, among those of the same
/// time (a shared session of several seats), whoever arrived first. A patient early for a later time
/// waits for those due before them, however late those arrived.
/// </summary>
public static class WaitingLine
{
    /// <summary>Each waiting visit's place in its doctor's line, 1 for the next to go in.</summary>
    public static IReadOnlyDictionary<Guid, int> Places(IEnumerable<WaitingPatient> waiting) =>
        waiting.GroupBy(w => w.DoctorId)
            .SelectMany(line => line.OrderBy(w => w.StartUtc).ThenBy(w => w.CheckedInUtc).ThenBy(w => w.AppointmentId)
                .Select((w, index) => (w.AppointmentId, Place: index + 1)))
            .ToDictionary(p => p.AppointmentId, p => p.Place);
}
