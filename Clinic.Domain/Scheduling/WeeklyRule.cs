using Clinic.Domain.Common;

namespace Clinic.Domain.Scheduling;

/// <summary>What a weekly rule says: on this weekday, from–to, slots of this length with this many seats.</summary>
public sealed record WeeklyRuleDetails(DayOfWeek Day, TimeOnly From, TimeOnly To, int SlotMinutes, int Capacity)
{
    public IReadOnlyList<string> Validate()
    {
        var errors = SlotShape.Validate(From, To, SlotMinutes, Capacity).ToList();
        // An enum takes any number: 7, 99 or -1 is no weekday, and would be stored as one.
        if (!Enum.IsDefined(Day))
            errors.Insert(0, "The day must be a weekday from Sunday (0) to Saturday (6).");
        return errors;
    }

    public override string ToString() => $"{Day} {From:HH\\:mm}–{To:HH\\:mm}";
}

/// <summary>A doctor's recurring hours on one weekday. Slots are generated from it on demand, never stored.</summary>
public sealed class WeeklyRule
{
    private WeeklyRule() { }

    public Guid Id { get; private set; }
    public Guid DoctorId { get; private set; }
    public DayOfWeek Day { get; private set; }
    public TimeOnly From { get; private set; }
    public TimeOnly To { get; private set; }
    public int SlotMinutes { get; private set; }
    public int Capacity { get; private set; }

    public WeeklyRuleDetails Details => new(Day, From, To, SlotMinutes, Capacity);

    public static Result<WeeklyRule> Create(Guid doctorId, WeeklyRuleDetails details)
    {
        var rule = new WeeklyRule { Id = Guid.NewGuid(), DoctorId = doctorId };
        var applied = rule.Update(details);
        return applied.Succeeded ? Result<WeeklyRule>.Ok(rule) : Result<WeeklyRule>.From(applied);
    }

    public Result Update(WeeklyRuleDetails details)
    {
        var errors = details.Validate();
        if (errors.Count > 0)
            return Result.From(errors);
        (Day, From, To, SlotMinutes, Capacity) = (details.Day, details.From, details.To, details.SlotMinutes, details.Capacity);
        return Result.Success;
    }
}

/// <summary>The checks every window of slots shares (weekly rules and extra hours).</summary>
internal static class SlotShape
{
    public const int MinSlotMinutes = 5;
    public const int MaxSlotMinutes = 480;
    public const int MaxCapacity = 200;

    public static IReadOnlyList<string> Validate(TimeOnly from, TimeOnly to, int slotMinutes, int capacity)
    {
        var errors = new List<string>();
        if (to <= from)
            errors.Add("The end time must be after the start time.");
        if (slotMinutes is < MinSlotMinutes or > MaxSlotMinutes)
            errors.Add($"Slot length must be between {MinSlotMinutes} and {MaxSlotMinutes} minutes.");
        else if (to > from && (to - from).TotalMinutes < slotMinutes)
            errors.Add($"The hours are shorter than one {slotMinutes}-minute slot.");
        if (capacity is < 1 or > MaxCapacity)
            errors.Add($"Seats per slot must be between 1 and {MaxCapacity}.");
        return errors;
    }
}
