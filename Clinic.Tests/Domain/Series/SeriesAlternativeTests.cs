using Clinic.Domain.Scheduling;
using Clinic.Domain.Series;

namespace Clinic.Tests.Domain.Series;

/// <summary>The free time offered for a series visit that cannot be had: the same day first, else the series' own time on the nearest day.</summary>
public sealed class SeriesAlternativeTests
{
    // The series' visit: Wednesday 16 December 2026 at 09:00 on the clinic's clock (UTC+6, as in Dhaka).
    private static readonly DateTime WednesdayNine = new(2026, 12, 16, 9, 0, 0);

    private static Slot FreeAt(DateTime local) =>
        new(Guid.Empty, DateTime.SpecifyKind(local.AddHours(-6), DateTimeKind.Utc), DateTime.SpecifyKind(local.AddHours(-5.5), DateTimeKind.Utc),
            local, local.AddMinutes(30), 1, 0, SlotState.Available, "", SlotSource.Weekly, null);

    [Fact]
    public void A_time_the_same_day_comes_before_any_other_day()
    {
        var sameDayAfternoon = FreeAt(WednesdayNine.AddHours(6));
        var nextDaySameTime = FreeAt(WednesdayNine.AddDays(1));

        SeriesAlternative.Nearest([nextDaySameTime, sameDayAfternoon], WednesdayNine).Should().Be(sameDayAfternoon);
    }

    [Fact]
    public void On_a_closed_day_the_series_time_on_the_nearest_day_wins_over_a_slot_nearer_in_hours()
    {
        var tuesdayLastSlot = FreeAt(WednesdayNine.AddDays(-1).AddHours(3.5)); // 12:30 the day before: 20.5 hours away
        var tuesdayNine = FreeAt(WednesdayNine.AddDays(-1));                   // 24 hours away, at the patient's time
        var thursdayNine = FreeAt(WednesdayNine.AddDays(1));

        SeriesAlternative.Nearest([tuesdayLastSlot, thursdayNine, tuesdayNine], WednesdayNine).Should().Be(tuesdayNine, "of two days as near, the earlier");
    }

    [Fact]
    public void A_nearer_day_wins_over_the_series_time_further_away()
    {
        var thursdayNoon = FreeAt(WednesdayNine.AddDays(1).AddHours(3));
        var mondayNine = FreeAt(WednesdayNine.AddDays(-2));

        SeriesAlternative.Nearest([mondayNine, thursdayNoon], WednesdayNine).Should().Be(thursdayNoon);
    }

    [Fact]
    public void Nothing_free_offers_nothing()
    {
        SeriesAlternative.Nearest([], WednesdayNine).Should().BeNull();
    }
}
