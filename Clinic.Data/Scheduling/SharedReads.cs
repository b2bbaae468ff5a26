namespace Clinic.Data.Scheduling;

/// <summary>
/// The generation of availability reads that callers may share (see <see cref="InFlightReads{TKey, TValue}"/>):
/// moved on after every committed change to availability, here or (through the live relay) on another instance.
/// </summary>
public sealed class SharedReads
{
    internal InFlightReads<(Guid DoctorId, DateOnly First, int Days, Clinic.Domain.Scheduling.VisitLength? Length), DoctorAvailability?> Doctors { get; } = new();

    /// <summary>A read started before now is no longer shared with anyone who asks after now.</summary>
    public void Changed() => Doctors.Changed();

    /// <summary>
    /// Whether every change that matters reaches this instance (one instance, or the relay to the
    /// others is up). While not, a finished read answers only its own callers.
    /// </summary>
    public void HearsEveryChange(bool value) => Doctors.HearsEveryChange(value);
}
