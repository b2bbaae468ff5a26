using Clinic.Domain.Scheduling;
using static Clinic.Tests.Domain.Scheduling.ScheduleBuilder;

namespace Clinic.Tests.Domain.Scheduling;

public sealed class AvailabilityCalculatorTests
{
    // Monday 23 November 2026, 09:00 in Dhaka (UTC+6).
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly AvailabilityCalculator Dhaka = new(ScheduleBuilder.Dhaka, SchedulingPolicy.Default);

    private static IReadOnlyList<Slot> Day(ScheduleBuilder schedule, DateOnly date, Dictionary<DateTime, int>? booked = null, DateTimeOffset? now = null) =>
        Dhaka.Compute(schedule.Build(), date, date, now ?? Now, booked);

    [Fact]
    public void Weekly_hours_become_slots_in_clinic_time_with_their_UTC_instants()
    {
        var slots = Day(new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "17:00", "18:00", 30), Monday.AddDays(1));

        slots.Select(s => s.LocalStart.ToString("HH:mm")).Should().Equal("17:00", "17:30");
        slots[0].StartUtc.Should().Be(Utc("2026-11-24T11:00:00"));
        slots[0].EndUtc.Should().Be(Utc("2026-11-24T11:30:00"));
        slots[0].LocalEnd.Should().Be(new DateTime(2026, 11, 24, 17, 30, 0));
        slots.Should().OnlyContain(s => s.State == SlotState.Available && s.Reason == "Available" && s.Source == SlotSource.Weekly);
    }

    [Fact]
    public void A_slot_length_that_does_not_divide_the_hours_leaves_the_tail_unused()
    {
        var slots = Day(new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "09:00", "10:45", 30), Monday.AddDays(1));

        slots.Select(s => s.LocalStart.ToString("HH:mm")).Should().Equal("09:00", "09:30", "10:00");
        slots.Last().LocalEnd.TimeOfDay.Should().Be(TimeSpan.FromHours(10.5));
    }

    [Fact]
    public void The_hospital_schedule_of_the_seed_documents_is_expressible()
    {
        var hospital = new ScheduleBuilder()
            .Weekly(DayOfWeek.Monday, "17:00", "22:00", 60, 15)
            .Weekly(DayOfWeek.Wednesday, "17:00", "22:00", 60, 15)
            .Weekly(DayOfWeek.Saturday, "17:00", "22:00", 60, 15)
            .Weekly(DayOfWeek.Thursday, "16:00", "22:00", 60, 15);

        var week = Dhaka.Compute(hospital.Build(), Monday.AddDays(7), Monday.AddDays(13), Now);

        week.GroupBy(s => s.LocalStart.DayOfWeek).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<DayOfWeek, int>
        {
            [DayOfWeek.Monday] = 5, [DayOfWeek.Wednesday] = 5, [DayOfWeek.Thursday] = 6, [DayOfWeek.Saturday] = 5,
        });
        week.Should().OnlyContain(s => s.SeatsTotal == 15 && s.SeatsLeft == 15 && s.Reason == "15 of 15 seats left");
        week.Should().NotContain(s => s.LocalStart.DayOfWeek == DayOfWeek.Friday);
    }

    [Fact]
    public void Seat_holding_bookings_count_against_capacity()
    {
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "17:00", "19:00", 60, 15);
        var booked = new Dictionary<DateTime, int> { [Utc("2026-11-24T11:00:00")] = 3, [Utc("2026-11-24T12:00:00")] = 15 };

        var slots = Day(schedule, Monday.AddDays(1), booked);

        slots[0].Should().Match<Slot>(s => s.SeatsLeft == 12 && s.State == SlotState.Available && s.Reason == "12 of 15 seats left");
        slots[1].Should().Match<Slot>(s => s.SeatsLeft == 0 && s.State == SlotState.Full && s.Reason == "Fully booked (15 of 15 seats taken)");
    }

    [Fact]
    public void A_booked_private_slot_reads_Already_booked()
    {
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "10:00", "10:30", 30);

        var slot = Day(schedule, Monday.AddDays(1), new() { [Utc("2026-11-24T04:00:00")] = 1 }).Single();

        slot.State.Should().Be(SlotState.Full);
        slot.Reason.Should().Be("Already booked");
    }

    [Fact]
    public void Slots_that_started_already_are_past()
    {
        var slots = Day(new ScheduleBuilder().Weekly(DayOfWeek.Monday, "08:00", "10:00", 60), Monday);

        slots[0].Should().Match<Slot>(s => s.State == SlotState.Past && s.Reason == "This time has passed.");
        slots[1].State.Should().Be(SlotState.Past, "a slot that starts exactly now has started");
    }

    [Fact]
    public void Slots_inside_the_minimum_notice_are_too_soon()
    {
        var slots = Day(new ScheduleBuilder().Weekly(DayOfWeek.Monday, "10:00", "12:00", 60), Monday);

        slots[0].Should().Match<Slot>(s => s.State == SlotState.TooSoon && s.Reason == "Bookings close 2 hours before the start.");
        slots[1].State.Should().Be(SlotState.Available, "11:00 is exactly two hours ahead");
    }

    [Fact]
    public void Slots_beyond_the_booking_window_are_outside_it()
    {
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "10:00", "10:30", 30).Weekly(DayOfWeek.Wednesday, "10:00", "10:30", 30).Build();

        var slots = Dhaka.Compute(schedule, Monday.AddDays(57), Monday.AddDays(65), Now);

        slots.Single(s => s.LocalDate == Monday.AddDays(58)).State.Should().Be(SlotState.Available, "58 days ahead is inside the 60-day window");
        var beyond = slots.Single(s => s.LocalDate == Monday.AddDays(64));
        beyond.State.Should().Be(SlotState.OutsideWindow);
        beyond.Reason.Should().Be("Bookings open 60 days ahead.");
    }

    [Fact]
    public void The_window_and_notice_come_from_the_clinic_policy()
    {
        var strict = new AvailabilityCalculator(ScheduleBuilder.Dhaka, new SchedulingPolicy(BookingWindowDays: 7, MinimumNoticeHours: 48));
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "10:00", "10:30", 30).Build();

        var slots = strict.Compute(schedule, Monday, Monday.AddDays(8), Now);

        slots[0].Reason.Should().Be("Bookings close 48 hours before the start.");
        slots[1].Reason.Should().Be("Bookings open 7 days ahead.");
    }

    [Fact]
    public void A_closed_range_closes_every_slot_on_its_days_with_its_reason()
    {
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "10:00", "11:00", 30).Weekly(DayOfWeek.Wednesday, "10:00", "11:00", 30)
            .Closed("2026-12-01", "2026-12-02", "Public holiday").Extra("2026-12-02", "15:00", "16:00");

        var slots = Dhaka.Compute(schedule.Build(), new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2), Now);

        slots.Should().HaveCount(6).And.OnlyContain(s => s.State == SlotState.Closed && s.Reason == "Closed: Public holiday");
    }

    [Fact]
    public void Day_summaries_count_open_seats_and_mark_closed_days_even_without_hours()
    {
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "17:00", "19:00", 60, 15).Closed("2026-11-26", "2026-11-26", "Doctor at a conference").Build();
        var first = Monday.AddDays(1);
        var slots = Dhaka.Compute(schedule, first, first.AddDays(2), Now, new Dictionary<DateTime, int> { [Utc("2026-11-24T11:00:00")] = 4 });

        var days = Dhaka.SummarizeDays(schedule, first, first.AddDays(2), slots);

        days[0].Should().Be(new DaySummary(first, 2, 2, 26, null));
        days[1].Should().Be(new DaySummary(first.AddDays(1), 0, 0, 0, null));
        days[2].ClosedReason.Should().Be("Doctor at a conference");
    }

    [Fact]
    public void A_disabled_slot_is_shown_as_unavailable_and_a_removed_one_not_at_all()
    {
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "10:00", "11:30", 30)
            .Switch(Utc("2026-11-24T04:00:00"), SlotSwitchState.Disabled)
            .Switch(Utc("2026-11-24T04:30:00"), SlotSwitchState.Removed);

        var slots = Day(schedule, Monday.AddDays(1));

        slots.Select(s => s.LocalStart.ToString("HH:mm")).Should().Equal("10:00", "11:00");
        slots[0].Should().Match<Slot>(s => s.State == SlotState.Disabled && s.Reason == "The doctor has made this slot unavailable.");
    }

    [Fact]
    public void Extra_hours_and_a_single_slot_add_to_one_date_only()
    {
        var schedule = new ScheduleBuilder().Extra("2026-11-25", "09:00", "10:00", 20, 2).AdHoc("2026-11-25", "12:15", "12:50", 3);

        var slots = Dhaka.Compute(schedule.Build(), Monday, Monday.AddDays(7), Now);

        slots.Select(s => $"{s.LocalStart:MM-dd HH:mm}-{s.LocalEnd:HH:mm}/{s.SeatsTotal}").Should().Equal(
            "11-25 09:00-09:20/2", "11-25 09:20-09:40/2", "11-25 09:40-10:00/2", "11-25 12:15-12:50/3");
        slots.Last().Source.Should().Be(SlotSource.AdHoc);
    }

    [Fact]
    public void Dhaka_has_no_daylight_saving_so_slots_keep_plus_six_all_year()
    {
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Sunday, "10:00", "10:30").Build();
        var calculator = new AvailabilityCalculator(ScheduleBuilder.Dhaka, new SchedulingPolicy(BookingWindowDays: 400));

        var slots = calculator.Compute(schedule, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), Now);

        slots.Should().HaveCount(52);
        slots.Should().OnlyContain(s => s.StartUtc.Hour == 4 && s.StartUtc.Minute == 0);
    }
}
