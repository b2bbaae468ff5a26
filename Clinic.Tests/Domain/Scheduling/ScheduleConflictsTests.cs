using Clinic.Domain.Scheduling;

namespace Clinic.Tests.Domain.Scheduling;

public sealed class ScheduleConflictsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static WeeklyRuleDetails Rule(DayOfWeek day, string from, string to) => new(day, TimeOnly.Parse(from), TimeOnly.Parse(to), 30, 1);

    [Fact]
    public void Overlapping_weekly_hours_on_the_same_day_are_refused_with_the_clash_named()
    {
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Monday, "17:00", "22:00").Build();

        ScheduleConflicts.ForRule(schedule, Rule(DayOfWeek.Monday, "18:00", "20:00"), null, Today)
            .Should().Be("These hours overlap the existing Monday 17:00–22:00 hours.");
    }

    [Fact]
    public void Touching_hours_and_other_days_do_not_conflict()
    {
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Monday, "17:00", "19:00").Build();

        ScheduleConflicts.ForRule(schedule, Rule(DayOfWeek.Monday, "19:00", "22:00"), null, Today).Should().BeNull();
        ScheduleConflicts.ForRule(schedule, Rule(DayOfWeek.Tuesday, "17:00", "19:00"), null, Today).Should().BeNull();
    }

    [Fact]
    public void A_rule_being_changed_does_not_conflict_with_itself()
    {
        var builder = new ScheduleBuilder().Weekly(DayOfWeek.Monday, "17:00", "19:00");
        var schedule = builder.Build();

        ScheduleConflicts.ForRule(schedule, Rule(DayOfWeek.Monday, "16:00", "20:00"), schedule.Rules[0].Id, Today).Should().BeNull();
    }

    [Fact]
    public void Weekly_hours_that_overlap_future_extra_hours_on_that_weekday_are_refused()
    {
        var schedule = new ScheduleBuilder().Extra("2026-11-30", "09:00", "11:00").Build();

        ScheduleConflicts.ForRule(schedule, Rule(DayOfWeek.Monday, "10:00", "12:00"), null, Today)
            .Should().Be("These hours overlap the extra hours on Mon 30 Nov 2026 09:00–11:00.");
    }

    [Fact]
    public void Extra_hours_or_a_single_slot_may_not_overlap_the_weekly_hours_of_that_date()
    {
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Monday, "17:00", "22:00").Build();

        ScheduleConflicts.ForDate(schedule, new DateOnly(2026, 11, 30), TimeOnly.Parse("21:30"), TimeOnly.Parse("22:30"))
            .Should().Be("This overlaps the weekly Monday 17:00–22:00 hours.");
        ScheduleConflicts.ForDate(schedule, new DateOnly(2026, 11, 30), TimeOnly.Parse("22:00"), TimeOnly.Parse("22:30")).Should().BeNull();
    }

    [Fact]
    public void A_single_slot_may_not_overlap_extra_hours_on_the_same_date()
    {
        var schedule = new ScheduleBuilder().Extra("2026-12-03", "09:00", "10:00").Build();

        ScheduleConflicts.ForDate(schedule, new DateOnly(2026, 12, 3), TimeOnly.Parse("09:45"), TimeOnly.Parse("10:15"))
            .Should().Be("This overlaps the extra hours on Thu 3 Dec 2026 09:00–10:00.");
    }

    [Fact]
    public void Nothing_can_be_added_on_a_day_off()
    {
        var schedule = new ScheduleBuilder().Closed("2026-12-16", "2026-12-16", "Victory Day").Build();

        ScheduleConflicts.ForDate(schedule, new DateOnly(2026, 12, 16), TimeOnly.Parse("09:00"), TimeOnly.Parse("09:30"))
            .Should().Be("The doctor is off on Wed 16 Dec 2026 (Victory Day).");
    }
}
