using Clinic.Domain.Scheduling;
using static Clinic.Tests.Domain.Scheduling.ScheduleBuilder;

namespace Clinic.Tests.Domain.Scheduling;

/// <summary>Europe/Paris: clocks jump 02:00→03:00 on 29 March 2026 and fall back 03:00→02:00 on 25 October 2026.</summary>
public sealed class DaylightSavingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly AvailabilityCalculator Paris = new(ScheduleBuilder.Paris, new SchedulingPolicy(BookingWindowDays: 365));

    private static IReadOnlyList<Slot> NightOf(DateOnly sunday, int minutes) =>
        Paris.Compute(new ScheduleBuilder().Weekly(DayOfWeek.Sunday, "00:00", "06:00", minutes).Build(), sunday, sunday, Now);

    [Theory]
    [InlineData(60)]
    [InlineData(30)]
    public void Spring_forward_offers_no_slot_in_the_skipped_hour(int minutes)
    {
        var slots = NightOf(new DateOnly(2026, 3, 29), minutes);

        slots.Should().NotContain(s => s.LocalStart.Hour == 2, "02:00–03:00 does not exist that night");
        slots.Should().HaveCount(minutes == 60 ? 5 : 10);
        slots.Select(s => s.StartUtc).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        slots.Zip(slots.Skip(1)).Should().OnlyContain(pair => pair.First.EndUtc <= pair.Second.StartUtc, "no two slots overlap in real time");
        slots.Single(s => s.LocalStart.Hour == 1 && s.LocalStart.Minute == 0).StartUtc.Should().Be(Utc("2026-03-29T00:00:00"));
        slots.Single(s => s.LocalStart.Hour == 3 && s.LocalStart.Minute == 0).StartUtc.Should().Be(Utc("2026-03-29T01:00:00"));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(30)]
    public void Fall_back_offers_each_slot_of_the_repeated_hour_once(int minutes)
    {
        var slots = NightOf(new DateOnly(2026, 10, 25), minutes);

        slots.Should().HaveCount(minutes == 60 ? 6 : 12);
        slots.Select(s => s.LocalStart).Should().OnlyHaveUniqueItems("a wall-clock time is never offered twice");
        slots.Select(s => s.StartUtc).Should().OnlyHaveUniqueItems().And.BeInAscendingOrder();
        slots.Single(s => s.LocalStart.Hour == 2 && s.LocalStart.Minute == 0).StartUtc.Should().Be(Utc("2026-10-25T00:00:00"), "the first 02:00 is the summer-time one");
        slots.Single(s => s.LocalStart.Hour == 3 && s.LocalStart.Minute == 0).StartUtc.Should().Be(Utc("2026-10-25T02:00:00"));
    }

    [Fact]
    public void Ordinary_days_either_side_keep_their_own_offsets()
    {
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Monday, "09:00", "09:30").Build();

        var winter = Paris.Compute(schedule, new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 23), Now).Single();
        var summer = Paris.Compute(schedule, new DateOnly(2026, 3, 30), new DateOnly(2026, 3, 30), Now).Single();

        winter.StartUtc.Should().Be(Utc("2026-03-23T08:00:00"));
        summer.StartUtc.Should().Be(Utc("2026-03-30T07:00:00"));
    }

    [Fact]
    public void Day_totals_without_slots_match_the_totals_of_the_slots()
    {
        var schedule = new ScheduleBuilder()
            .Weekly(DayOfWeek.Sunday, "00:00", "06:00", 30, 3)
            .Weekly(DayOfWeek.Monday, "09:00", "12:00", 45, 2)
            .Closed("2026-10-27", "2026-10-27", "Training")
            .Extra("2026-10-28", "14:00", "16:00", 30, 1)
            .Build();
        var first = new DateOnly(2026, 10, 20);
        var last = new DateOnly(2026, 11, 2);
        var booked = new Dictionary<DateTime, int> { [Utc("2026-10-25T00:00:00")] = 3, [Utc("2026-10-26T08:00:00")] = 1 };

        var slots = Paris.Compute(schedule, first, last, Now, booked);

        Paris.SummarizeDays(schedule, first, last, Now, booked).Should().Equal(Paris.SummarizeDays(schedule, first, last, slots));
    }
}
