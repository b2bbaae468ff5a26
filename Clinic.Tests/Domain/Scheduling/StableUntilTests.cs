using Clinic.Domain.Scheduling;
using static Clinic.Tests.Domain.Scheduling.ScheduleBuilder;

namespace Clinic.Tests.Domain.Scheduling;

/// <summary>How long slots computed now stay the answer while only the clock moves (a kept answer is reused no longer).</summary>
public sealed class StableUntilTests
{
    // Notice 2 hours; Dhaka is UTC+6 all year.
    private static readonly AvailabilityCalculator Dhaka = new(ScheduleBuilder.Dhaka, SchedulingPolicy.Default);
    private static readonly DoctorSchedule Tuesdays = new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "09:00", "11:00", 30).Build();
    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    private static IReadOnlyList<Slot> Slots(DateTimeOffset now) => Dhaka.Compute(Tuesdays, Tuesday, Tuesday, now, new Dictionary<DateTime, int>());

    [Fact]
    public void The_evening_before_the_answer_lasts_until_an_hour_before_the_clinic_s_midnight()
    {
        var mondayEvening = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero); // 18:00 in Dhaka

        Dhaka.StableUntil(Slots(mondayEvening), mondayEvening).UtcDateTime.Should().Be(Utc("2026-11-23T17:00:00"), "23:00 in Dhaka; the booking window turns at midnight");
    }

    [Fact]
    public void In_the_morning_it_lasts_until_the_next_slot_comes_inside_the_notice()
    {
        var sixFifty = new DateTimeOffset(2026, 11, 24, 0, 50, 0, TimeSpan.Zero); // 06:50 in Dhaka

        var until = Dhaka.StableUntil(Slots(sixFifty), sixFifty);

        until.UtcDateTime.Should().Be(Utc("2026-11-24T01:00:00"), "07:00, two hours before the 09:00 slot");
        Slots(until.AddTicks(-1)).Should().Equal(Slots(sixFifty));
        Slots(until.AddMinutes(1)).First().State.Should().Be(SlotState.TooSoon);
    }

    [Fact]
    public void During_the_hours_it_lasts_until_the_next_slot_starts_or_enters_the_notice()
    {
        var nineTen = new DateTimeOffset(2026, 11, 24, 3, 10, 0, TimeSpan.Zero); // 09:10 in Dhaka: every slot is past or inside the notice

        Dhaka.StableUntil(Slots(nineTen), nineTen).UtcDateTime.Should().Be(Utc("2026-11-24T03:30:00"), "the 09:30 slot starts and becomes past");
    }

    [Fact]
    public void In_the_last_hour_of_the_clinic_s_day_nothing_is_kept()
    {
        var elevenThirtyAtNight = new DateTimeOffset(2026, 11, 23, 17, 30, 0, TimeSpan.Zero);

        Dhaka.StableUntil(Slots(elevenThirtyAtNight), elevenThirtyAtNight).Should().Be(elevenThirtyAtNight);
    }
}
