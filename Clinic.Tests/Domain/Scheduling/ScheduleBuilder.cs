using Clinic.Domain.Scheduling;

namespace Clinic.Tests.Domain.Scheduling;

/// <summary>Builds a doctor's schedule for calculator tests in one readable line per fact.</summary>
public sealed class ScheduleBuilder
{
    public Guid DoctorId { get; } = Guid.NewGuid();
    private readonly List<WeeklyRule> rules = [];
    private readonly List<ScheduleException> exceptions = [];
    private readonly List<SlotSwitch> switches = [];

    public ScheduleBuilder Weekly(DayOfWeek day, string from, string to, int minutes = 30, int capacity = 1)
    {
        rules.Add(WeeklyRule.Create(DoctorId, new WeeklyRuleDetails(day, TimeOnly.Parse(from), TimeOnly.Parse(to), minutes, capacity)).Value!);
        return this;
    }

    public ScheduleBuilder Closed(string first, string last, string reason)
    {
        exceptions.Add(ScheduleException.Closed(DoctorId, DateOnly.Parse(first), DateOnly.Parse(last), reason).Value!);
        return this;
    }

    public ScheduleBuilder Extra(string date, string from, string to, int minutes = 30, int capacity = 1)
    {
        exceptions.Add(ScheduleException.ExtraHours(DoctorId, DateOnly.Parse(date), TimeOnly.Parse(from), TimeOnly.Parse(to), minutes, capacity).Value!);
        return this;
    }

    public ScheduleBuilder AdHoc(string date, string from, string to, int capacity = 1)
    {
        exceptions.Add(ScheduleException.AdHocSlot(DoctorId, DateOnly.Parse(date), TimeOnly.Parse(from), TimeOnly.Parse(to), capacity).Value!);
        return this;
    }

    public ScheduleBuilder Switch(DateTime startUtc, SlotSwitchState state)
    {
        switches.Add(SlotSwitch.For(DoctorId, startUtc, state));
        return this;
    }

    public DoctorSchedule Build() => new(DoctorId, rules, exceptions, switches);

    public static TimeZoneInfo Dhaka => TimeZoneInfo.FindSystemTimeZoneById("Asia/Dhaka");
    public static TimeZoneInfo Paris => TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTime Utc(string text) => DateTime.SpecifyKind(DateTime.Parse(text), DateTimeKind.Utc);
}
