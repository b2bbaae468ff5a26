using Clinic.Domain.Clinics;

namespace Clinic.Tests.Domain;

public sealed class ClinicTimeTests
{
    [Fact]
    public void A_day_starts_at_local_midnight()
    {
        var dhaka = TimeZoneInfo.FindSystemTimeZoneById("Asia/Dhaka");

        ClinicTime.StartOfDayUtc(new DateOnly(2026, 11, 24), dhaka).Should().Be(new DateTime(2026, 11, 23, 18, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Where_daylight_saving_skips_midnight_the_day_starts_at_the_first_time_that_exists()
    {
        // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var day = new DateOnly(2026, 9, 6);
        santiago.IsInvalidTime(day.ToDateTime(TimeOnly.MinValue)).Should().BeTrue("the test needs a day whose midnight does not exist");

        var start = ClinicTime.StartOfDayUtc(day, santiago);

        TimeZoneInfo.ConvertTimeFromUtc(start, santiago).Should().Be(new DateTime(2026, 9, 6, 1, 0, 0));
        (ClinicTime.StartOfDayUtc(day.AddDays(1), santiago) - start).Should().Be(TimeSpan.FromHours(23), "the day of the jump has 23 hours");
    }

    [Theory]
    [InlineData("Asia/Dhaka", "Dhaka time")]
    [InlineData("America/New_York", "New York time")]
    [InlineData("America/Argentina/Buenos_Aires", "Buenos Aires time")]
    [InlineData("UTC", "UTC")]
    public void A_zone_is_named_by_its_city_as_a_person_says_it(string zone, string said) =>
        ClinicTime.ZoneLabel(zone).Should().Be(said);

    [Theory]
    [InlineData("2026-12-01T18:00:00Z", "2026-12-01T20:30:00Z")] // 00:00 in Dhaka: tonight's 02:30
    [InlineData("2026-12-01T20:30:00Z", "2026-12-02T20:30:00Z")] // exactly 02:30: the next night's
    [InlineData("2026-12-01T21:00:00Z", "2026-12-02T20:30:00Z")]
    public void The_nightly_time_is_the_next_one_on_the_clinic_s_clock(string now, string next) =>
        ClinicTime.NextAt(DateTimeOffset.Parse(now), new TimeOnly(2, 30), TimeZoneInfo.FindSystemTimeZoneById("Asia/Dhaka"))
            .Should().Be(DateTime.Parse(next, null, System.Globalization.DateTimeStyles.AdjustToUniversal));

    [Fact]
    public void A_nightly_time_a_daylight_saving_jump_skips_comes_at_the_first_time_after_it_and_a_repeated_one_once()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // 8 March 2026: 02:00 becomes 03:00, so 02:30 never shows; 1 November 2026: 01:30 shows twice.
        var sprung = ClinicTime.NextAt(new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero), new TimeOnly(2, 30), newYork);
        var first = ClinicTime.NextAt(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero), new TimeOnly(1, 30), newYork);
        var after = ClinicTime.NextAt(new DateTimeOffset(first), new TimeOnly(1, 30), newYork);

        TimeZoneInfo.ConvertTimeFromUtc(sprung, newYork).Should().Be(new DateTime(2026, 3, 8, 3, 0, 0));
        first.Should().Be(new DateTime(2026, 11, 1, 5, 30, 0, DateTimeKind.Utc), "01:30 daylight time comes first");
        after.Should().Be(new DateTime(2026, 11, 2, 6, 30, 0, DateTimeKind.Utc), "not again an hour later, but the next night");
    }
}
