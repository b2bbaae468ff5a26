namespace Clinic.Domain.Scheduling;

/// <summary>The clinic's booking rules that decide which slots a patient may take.</summary>
public sealed record SchedulingPolicy(int BookingWindowDays = 60, int MinimumNoticeHours = 2)
{
    public static SchedulingPolicy Default { get; } = new();
}

/// <summary>Everything about one doctor's time that the calculator needs.</summary>
public sealed record DoctorSchedule(
    Guid DoctorId,
    IReadOnlyList<WeeklyRule> Rules,
    IReadOnlyList<ScheduleException> Exceptions,
    IReadOnlyList<SlotSwitch> Switches)
{
    public static DoctorSchedule Empty(Guid doctorId) => new(doctorId, [], [], []);
}
