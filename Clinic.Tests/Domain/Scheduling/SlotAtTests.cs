using Clinic.Domain.Scheduling;
using static Clinic.Tests.Domain.Scheduling.ScheduleBuilder;

namespace Clinic.Tests.Domain.Scheduling;

/// <summary>The one slot a booking checks must be exactly the slot the day's view shows.</summary>
public sealed class SlotAtTests
{
    // Monday 23 November 2026, 09:00 in Dhaka (UTC+6).
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
    private static readonly AvailabilityCalculator Dhaka = new(ScheduleBuilder.Dhaka, SchedulingPolicy.Default);

    [Fact]
    public void The_slot_at_a_start_is_the_one_the_day_shows_with_the_seats_taken_there()
    {
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "17:00", "19:00", 60, 15).Build();
        var start = Utc("2026-11-24T12:00:00");

        var slot = Dhaka.SlotAt(schedule, start, Now, bookedSeats: 15);
        var fromDay = Dhaka.Compute(schedule, new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24), Now, new Dictionary<DateTime, int> { [start] = 15 })
            .Single(s => s.StartUtc == start);

        slot.Should().Be(fromDay);
        slot!.State.Should().Be(SlotState.Full);
        slot.Reason.Should().Be("Fully booked (15 of 15 seats taken)");
    }

    [Fact]
    public void A_start_between_slots_or_on_a_day_off_has_no_slot()
    {
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "17:00", "19:00", 60).Closed("2026-12-01", "2026-12-01", "Conference").Build();

        Dhaka.SlotAt(schedule, Utc("2026-11-24T11:30:00"), Now, 0).Should().BeNull("17:30 is inside the 17:00 slot, not a start");
        Dhaka.SlotAt(schedule, Utc("2026-11-25T11:00:00"), Now, 0).Should().BeNull("no hours on Wednesday");
        Dhaka.SlotAt(schedule, Utc("2026-12-01T11:00:00"), Now, 0)!.State.Should().Be(SlotState.Closed);
    }

    [Fact]
    public void Extra_hours_that_overlap_weekly_slots_offer_no_second_slot_at_once()
    {
        // Weekly 17:00–18:00 in one hour slot, extra 17:30–18:30 in half hours: the extra 17:30 starts inside the
        // 17:00 slot, so the day drops it and a booking at 17:30 finds no slot; the extra 18:00 stays.
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "17:00", "18:00", 60).Extra("2026-11-24", "17:30", "18:30", 30).Build();

        Dhaka.SlotAt(schedule, Utc("2026-11-24T11:30:00"), Now, 0).Should().BeNull();
        Dhaka.SlotAt(schedule, Utc("2026-11-24T12:00:00"), Now, 0)!.Source.Should().Be(SlotSource.ExtraHours);
    }

    [Fact]
    public void A_switched_off_slot_is_disabled_and_a_removed_one_is_gone()
    {
        var off = Utc("2026-11-24T11:00:00");
        var removed = Utc("2026-11-24T12:00:00");
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "17:00", "19:00", 60)
            .Switch(off, SlotSwitchState.Disabled).Switch(removed, SlotSwitchState.Removed).Build();

        Dhaka.SlotAt(schedule, off, Now, 0)!.State.Should().Be(SlotState.Disabled);
        Dhaka.SlotAt(schedule, removed, Now, 0).Should().BeNull();
    }
}
