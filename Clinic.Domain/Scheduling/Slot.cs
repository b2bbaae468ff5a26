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
}

public enum SlotSource
{
    Weekly,
    ExtraHours,
    AdHoc,
}

/// <summary>One generated slot: when, how many seats, and whether a patient may take it (and if not, why).</summary>
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
    Guid? ExceptionId)
{
    public int SeatsLeft => Math.Max(0, SeatsTotal - SeatsBooked);
    public DateOnly LocalDate => DateOnly.FromDateTime(LocalStart);
    public bool IsBookable => State == SlotState.Available;
    public bool HasBookings => SeatsBooked > 0;
}
