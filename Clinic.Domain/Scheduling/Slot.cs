namespace Clinic.Domain.Scheduling;

public enum SlotState
{
    Available,
    Full,
    Disabled,
    Past,
    TooSoon,
    OutsideWindow,
    Closed,

    /// <summary>Free, but the chosen type of visit does not fit from here (too long for the hours, or the next time is taken).</summary>
    DoesNotFit,
}

public enum SlotSource
{
    Weekly,
    ExtraHours,
    AdHoc,
}

/// <summary>
/// One generated slot: when, how many seats, and whether a patient may take it (and if not, why).
/// Worked out for a type of visit longer than the slot, it ends where the visit's last slot ends and
/// names the further slots the visit holds (<see cref="LaterStarts"/>, with those kept free after it).
/// </summary>
public sealed record Slot(
    Guid DoctorId,
    DateTime StartUtc,
    DateTime EndUtc,
    DateTime LocalStart,
    DateTime LocalEnd,
    int SeatsTotal,
    int SeatsBooked,
    SlotState State,
    string Reason,
    SlotSource Source,
    Guid? ExceptionId,
    IReadOnlyList<DateTime>? LaterStarts = null)
{
    /// <summary>Every slot start a booking here holds a seat at, this one first.</summary>
    public IReadOnlyList<DateTime> HeldStarts => LaterStarts is { Count: > 0 } later ? [StartUtc, .. later] : [StartUtc];

    public int SeatsLeft => Math.Max(0, SeatsTotal - SeatsBooked);
    public DateOnly LocalDate => DateOnly.FromDateTime(LocalStart);
    public bool IsBookable => State == SlotState.Available;
    public bool HasBookings => SeatsBooked > 0;
}
