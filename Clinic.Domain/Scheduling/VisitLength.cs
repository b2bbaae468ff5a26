namespace Clinic.Domain.Scheduling;

/// <summary>
/// How long a type of visit takes and how many minutes after it are kept free: what decides which
/// start times it fits. A visit longer than the doctor's slots takes consecutive slots of the same
/// hours; on a shared session (more than one seat) it must fit in one.
/// </summary>
public sealed record VisitLength(int Minutes, int BufferMinutes)
{
    /// <summary>Whether this length needs nothing beyond one slot of <paramref name="slotMinutes"/>.</summary>
    public bool FitsOneSlot(int slotMinutes) => Minutes + BufferMinutes <= slotMinutes;
}
