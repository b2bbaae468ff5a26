using Clinic.Domain.Scheduling;
using static Clinic.Tests.Domain.Scheduling.ScheduleBuilder;

namespace Clinic.Tests.Domain.Scheduling;

/// <summary>
/// A type of visit longer than the doctor's slot takes consecutive free slots of the same hours, and
/// its buffer keeps the following time free; on a shared session it must fit in one slot.
/// </summary>
public sealed class VisitFitTests
{
    // Monday 23 November 2026, 09:00 in Dhaka; Tuesday is the day looked at.
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Tuesday = new(2026, 11, 24);
    private static readonly AvailabilityCalculator Dhaka = new(ScheduleBuilder.Dhaka, SchedulingPolicy.Default);

    private static readonly VisitLength Hour = new(60, 0);

    // 09:00 Dhaka on Tuesday is 03:00 UTC.
    private static DateTime At(string localTime) => Utc("2026-11-24T03:00:00").Add(TimeOnly.Parse(localTime) - new TimeOnly(9, 0));

    private static Dictionary<string, Slot> Day(ScheduleBuilder schedule, VisitLength? length, params string[] booked) =>
        Dhaka.Compute(schedule.Build(), Tuesday, Tuesday, Now, booked.ToDictionary(At, _ => 1), length)
            .ToDictionary(s => s.LocalStart.ToString("HH:mm"));

    private static ScheduleBuilder Mornings() => new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "09:00", "11:00", 30);

    [Fact]
    public void A_sixty_minute_visit_on_thirty_minute_slots_takes_two_and_ends_with_the_second()
    {
        var day = Day(Mornings(), Hour);

        day["09:00"].IsBookable.Should().BeTrue();
        day["09:00"].LaterStarts.Should().Equal(At("09:30"));
        day["09:00"].HeldStarts.Should().Equal(At("09:00"), At("09:30"));
        day["09:00"].LocalEnd.ToString("HH:mm").Should().Be("10:00");
        day["10:00"].IsBookable.Should().BeTrue("10:00 and 10:30 are both free");
    }

    [Fact]
    public void The_last_slot_of_the_hours_does_not_hold_a_visit_that_would_run_past_them()
    {
        var day = Day(Mornings(), Hour);

        day["10:30"].State.Should().Be(SlotState.DoesNotFit);
        day["10:30"].Reason.Should().Be("Needs 60 min: it would run past the doctor's hours (until 11:30).");
    }

    [Fact]
    public void A_start_whose_next_slot_is_taken_is_not_offered_and_says_which_time_is_taken()
    {
        var day = Day(Mornings(), Hour, "10:00");

        day["09:30"].State.Should().Be(SlotState.DoesNotFit);
        day["09:30"].Reason.Should().Be("Needs 60 min: 10:00 is not free.");
        day["09:00"].IsBookable.Should().BeTrue();
        day["10:00"].State.Should().Be(SlotState.Full, "a taken start keeps its own reason");
        day["10:30"].State.Should().Be(SlotState.DoesNotFit);
    }

    [Fact]
    public void A_disabled_slot_in_the_way_stops_the_visit_too()
    {
        var day = Day(Mornings().Switch(At("09:30"), SlotSwitchState.Disabled), Hour);

        day["09:00"].State.Should().Be(SlotState.DoesNotFit);
        day["09:30"].State.Should().Be(SlotState.Disabled);
    }

    [Fact]
    public void Consecutive_hours_with_a_gap_are_not_one_stretch()
    {
        var split = new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "09:00", "10:00", 30).Weekly(DayOfWeek.Tuesday, "10:30", "11:30", 30);

        var day = Day(split, Hour);

        day["09:30"].State.Should().Be(SlotState.DoesNotFit, "10:00-10:30 is not in the doctor's hours");
        day["10:30"].IsBookable.Should().BeTrue();
    }

    [Fact]
    public void A_visit_with_its_buffer_holds_the_time_the_buffer_reaches()
    {
        // 20 minutes and 15 kept free: 35 minutes from the start, so the next slot is held too.
        var day = Day(Mornings(), new VisitLength(20, 15));

        day["09:00"].IsBookable.Should().BeTrue();
        day["09:00"].LaterStarts.Should().Equal(At("09:30"));
        day["09:00"].LocalEnd.ToString("HH:mm").Should().Be("09:30", "the visit itself ends within its first slot");
    }

    [Fact]
    public void The_buffer_needs_a_free_next_slot_but_nothing_once_the_hours_end()
    {
        var day = Day(Mornings(), new VisitLength(20, 15), "10:00");

        day["09:30"].State.Should().Be(SlotState.DoesNotFit);
        day["09:30"].Reason.Should().Be("Needs 15 min kept free after the visit: 10:00 is not free.");
        day["10:30"].IsBookable.Should().BeTrue("after the last slot the doctor's day is over: nothing to keep free");
        day["10:30"].LaterStarts.Should().BeEmpty();
    }

    [Fact]
    public void A_visit_and_buffer_within_one_slot_take_just_that_slot()
    {
        var day = Day(Mornings(), new VisitLength(20, 10));

        day.Values.Should().OnlyContain(s => s.IsBookable && s.HeldStarts.Count == 1);
    }

    [Fact]
    public void On_a_shared_session_a_longer_visit_does_not_fit_and_a_shorter_one_takes_one_seat()
    {
        var hospital = new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "17:00", "19:00", 60, 15);

        var longer = Day(hospital, new VisitLength(90, 0));
        var shorter = Day(hospital, new VisitLength(20, 60));

        longer["17:00"].State.Should().Be(SlotState.DoesNotFit);
        longer["17:00"].Reason.Should().Be("Needs 90 min: a shared 60-minute session must hold the whole visit.");
        shorter.Values.Should().OnlyContain(s => s.IsBookable && s.HeldStarts.Count == 1, "a shared session keeps its pace: no seat of the next hour is held");
    }

    [Fact]
    public void Without_a_type_every_free_slot_is_offered_as_one_slot()
    {
        var day = Day(Mornings(), null, "10:00");

        day["09:30"].IsBookable.Should().BeTrue();
        day["10:30"].IsBookable.Should().BeTrue();
        day.Values.Should().OnlyContain(s => s.LaterStarts == null);
    }

    [Fact]
    public void The_day_totals_for_a_type_count_only_the_starts_where_it_fits()
    {
        var schedule = Mornings().Build();
        var booked = new Dictionary<DateTime, int> { [At("10:00")] = 1 };

        var summary = Dhaka.SummarizeDays(schedule, Tuesday, Tuesday, Now, booked, Hour).Single();

        summary.AvailableSlots.Should().Be(1, "only 09:00 has an hour free after it");
    }

    [Fact]
    public void Checking_one_start_for_a_type_sees_the_seats_held_at_the_later_start()
    {
        var schedule = Mornings().Build();

        var free = Dhaka.SlotAt(schedule, At("09:00"), Now, new Dictionary<DateTime, int>(), Hour)!;
        var taken = Dhaka.SlotAt(schedule, At("09:00"), Now, new Dictionary<DateTime, int> { [At("09:30")] = 1 }, Hour)!;

        free.IsBookable.Should().BeTrue();
        taken.State.Should().Be(SlotState.DoesNotFit);
    }
}
