using Clinic.Domain.Scheduling;

namespace Clinic.Data.Scheduling;

public enum SlotAction
{
    Enable,
    Disable,
    Remove,
}

/// <summary>A doctor's editable schedule: weekly hours, current and coming time off, coming extra hours and single slots.</summary>
public sealed record DoctorScheduleView(
    Guid DoctorId,
    string DoctorName,
    IReadOnlyList<WeeklyRule> Rules,
    IReadOnlyList<ScheduleException> TimeOff,
    IReadOnlyList<ScheduleException> Extras);
