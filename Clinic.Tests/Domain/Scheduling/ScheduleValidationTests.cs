using Clinic.Domain.Scheduling;

namespace Clinic.Tests.Domain.Scheduling;

public sealed class ScheduleValidationTests
{
    private static readonly Guid Doctor = Guid.NewGuid();

    [Theory]
    [InlineData("10:00", "10:00", 30, 1, "The end time must be after the start time.")]
    [InlineData("11:00", "10:00", 30, 1, "The end time must be after the start time.")]
    [InlineData("10:00", "10:20", 30, 1, "The hours are shorter than one 30-minute slot.")]
    [InlineData("10:00", "12:00", 3, 1, "Slot length must be between 5 and 480 minutes.")]
    [InlineData("10:00", "12:00", 30, 0, "Seats per slot must be between 1 and 200.")]
    public void Impossible_weekly_hours_are_refused(string from, string to, int minutes, int capacity, string expected) =>
        WeeklyRule.Create(Doctor, new WeeklyRuleDetails(DayOfWeek.Monday, TimeOnly.Parse(from), TimeOnly.Parse(to), minutes, capacity))
            .Errors.Should().Contain(expected);

    [Theory]
    [InlineData(7)]
    [InlineData(99)]
    [InlineData(-1)]
    public void Weekly_hours_on_a_day_that_is_no_weekday_are_refused(int day) =>
        WeeklyRule.Create(Doctor, new WeeklyRuleDetails((DayOfWeek)day, new TimeOnly(9, 0), new TimeOnly(12, 0), 30, 1))
            .Errors.Should().Contain("The day must be a weekday from Sunday (0) to Saturday (6).");

    [Fact]
    public void Time_off_needs_a_reason_and_an_order()
    {
        ScheduleException.Closed(Doctor, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 1), "Leave").Errors
            .Should().Contain("The last day off must not be before the first.");
        ScheduleException.Closed(Doctor, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1), " ").Errors
            .Should().Contain("A reason is required.");
    }

    [Fact]
    public void A_single_slot_takes_its_length_from_its_start_and_end()
    {
        var slot = ScheduleException.AdHocSlot(Doctor, new DateOnly(2026, 12, 1), new TimeOnly(9, 10), new TimeOnly(9, 55), 1).Value!;

        slot.SlotMinutes.Should().Be(45);
    }
}
