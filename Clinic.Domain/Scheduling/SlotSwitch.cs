using Clinic.Domain.Common;

namespace Clinic.Domain.Scheduling;

public enum SlotSwitchState
{
    /// <summary>Shown to the doctor as disabled; patients see it as unavailable.</summary>
    Disabled,

    /// <summary>Taken out of the schedule: neither the doctor's list nor patients show it.</summary>
    Removed,
}

/// <summary>The doctor switched one generated slot off. The slot is known by its doctor and start instant.</summary>
public sealed class SlotSwitch
{
    private SlotSwitch() { }

    public Guid Id { get; private set; }
    public Guid DoctorId { get; private set; }
    public DateTime StartUtc { get; private set; }
    public SlotSwitchState State { get; private set; }

    public static SlotSwitch For(Guid doctorId, DateTime startUtc, SlotSwitchState state) => new()
    {
        Id = RowIds.New(),
        DoctorId = doctorId,
        StartUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc),
        State = state,
    };

    public void Set(SlotSwitchState state) => State = state;
}
