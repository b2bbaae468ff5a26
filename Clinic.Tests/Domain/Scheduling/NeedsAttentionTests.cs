using Clinic.Domain.Scheduling;
using static Clinic.Tests.Domain.Scheduling.ScheduleBuilder;

namespace Clinic.Tests.Domain.Scheduling;

/// <summary>Changing the schedule never loses a booking: what no longer fits is listed for the doctor.</summary>
public sealed class NeedsAttentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
    private static readonly AvailabilityCalculator Dhaka = new(ScheduleBuilder.Dhaka, SchedulingPolicy.Default);

    [Fact]
    public void Bookings_that_still_fit_need_no_attention()
    {
        var schedule = new ScheduleBuilder().Weekly(DayOfWeek.Tuesday, "10:00", "12:00", 60, 2).Build();

        Dhaka.BookingsOutsideSchedule(schedule, new Dictionary<DateTime, int> { [Utc("2026-11-24T04:00:00")] = 2 }, Now).Should().BeEmpty();
    }

    [Fact]
    public void Bookings_left_outside_new_hours_a_day_off_or_lower_capacity_are_listed_with_why()
    {
        var schedule = new ScheduleBuilder()
            .Weekly(DayOfWeek.Tuesday, "11:00", "12:00", 60, 1)
            .Closed("2026-11-25", "2026-11-25", "Family leave")
            .Weekly(DayOfWeek.Wednesday, "10:00", "11:00", 60, 1)
            .Build();
        var bookings = new Dictionary<DateTime, int>
        {
            [Utc("2026-11-24T04:00:00")] = 1, // Tue 10:00: the hours now start at 11:00
            [Utc("2026-11-24T05:00:00")] = 2, // Tue 11:00: two bookings, one seat now
            [Utc("2026-11-25T04:00:00")] = 1, // Wed 10:00: the doctor is now off
            [Utc("2026-11-20T04:00:00")] = 1, // last week: history, not a problem
        };

        var items = Dhaka.BookingsOutsideSchedule(schedule, bookings, Now);

        items.Select(i => $"{i.LocalStart:ddd HH:mm} {i.Bookings} {i.Reason}").Should().Equal(
            "Tue 10:00 1 No longer within the doctor's hours.",
            "Tue 11:00 2 2 booked for 1 seats.",
            "Wed 10:00 1 The doctor is off that day (Family leave).");
    }
}
