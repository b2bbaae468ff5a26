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
}
