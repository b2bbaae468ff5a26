using Clinic.Domain.Common;

namespace Clinic.Domain.Scheduling;

public enum ExceptionKind
{
    /// <summary>No slots on these whole days (holiday, time off).</summary>
    Closed,

    /// <summary>Slots generated like a weekly rule, on one date only.</summary>
    ExtraHours,

    /// <summary>One slot on one date.</summary>
    AdHocSlot,
}

/// <summary>A change to the weekly pattern on particular dates. Closed days win over everything else.</summary>
public sealed class ScheduleException
{
    public const int MaxClosedDays = 366;

    private ScheduleException() { }

    public Guid Id { get; private set; }
    public Guid DoctorId { get; private set; }
    public ExceptionKind Kind { get; private set; }
    public DateOnly FirstDate { get; private set; }
    public DateOnly LastDate { get; private set; }
    public TimeOnly? From { get; private set; }
    public TimeOnly? To { get; private set; }
    public int? SlotMinutes { get; private set; }
    public int? Capacity { get; private set; }
    public string? Reason { get; private set; }

    public bool Covers(DateOnly date) => date >= FirstDate && date <= LastDate;

    public static Result<ScheduleException> Closed(Guid doctorId, DateOnly first, DateOnly last, string reason)
    {
        var errors = new List<string>();
        if (last < first)
            errors.Add("The last day off must not be before the first.");
        else if (last.DayNumber - first.DayNumber >= MaxClosedDays)
            errors.Add("Time off can cover at most a year at once.");
        Text.Required(errors, reason, "A reason", 200);
        return errors.Count > 0
            ? Result<ScheduleException>.Failure([.. errors])
            : Result<ScheduleException>.Ok(new ScheduleException
            {
                Id = Guid.NewGuid(), DoctorId = doctorId, Kind = ExceptionKind.Closed,
                FirstDate = first, LastDate = last, Reason = reason.Trim(),
            });
    }

    public static Result<ScheduleException> ExtraHours(Guid doctorId, DateOnly date, TimeOnly from, TimeOnly to, int slotMinutes, int capacity)
    {
        var errors = SlotShape.Validate(from, to, slotMinutes, capacity);
        return errors.Count > 0
            ? Result<ScheduleException>.Failure([.. errors])
            : Result<ScheduleException>.Ok(new ScheduleException
            {
                Id = Guid.NewGuid(), DoctorId = doctorId, Kind = ExceptionKind.ExtraHours,
                FirstDate = date, LastDate = date, From = from, To = to, SlotMinutes = slotMinutes, Capacity = capacity,
            });
    }

    public static Result<ScheduleException> AdHocSlot(Guid doctorId, DateOnly date, TimeOnly from, TimeOnly to, int capacity)
    {
        var minutes = (int)(to - from).TotalMinutes;
        var errors = to <= from
            ? ["The end time must be after the start time."]
            : SlotShape.Validate(from, to, minutes, capacity);
        return errors.Count > 0
            ? Result<ScheduleException>.Failure([.. errors])
            : Result<ScheduleException>.Ok(new ScheduleException
            {
                Id = Guid.NewGuid(), DoctorId = doctorId, Kind = ExceptionKind.AdHocSlot,
                FirstDate = date, LastDate = date, From = from, To = to, SlotMinutes = minutes, Capacity = capacity,
            });
    }
}
