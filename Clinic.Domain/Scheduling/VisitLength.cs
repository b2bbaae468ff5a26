namespace Clinic.Domain.Scheduling;

/// <summary>
/// How long a type of visit takes and how many minutes after it are kept free: what decides which
/// start times it fits. A visit longer than the doctor's slots takes consecutive slots of the same
/// hours; on a shared session (more than one seat) it must fit in one.
/// </summary>
public sealed record VisitLength(int Minutes, int BufferMinutes)
{
    /// <summary>
    /// Whether a visit of this length takes just the one slot of <paramref name="slotMinutes"/> it
    /// starts in: its time and buffer fit there, or, on a shared session (<paramref name="seats"/>
    /// above 1, which keeps its own pace and holds no time after), its time alone does.
    /// </summary>
    public bool TakesOneSlot(int slotMinutes, int seats) =>
        seats > 1 ? Minutes <= slotMinutes : Minutes + BufferMinutes <= slotMinutes;
}
