using Clinic.Domain.Clinics;

namespace Clinic.Tests.Domain;

public sealed class ClinicLocationTests
{
    [Theory]
    [InlineData("Asia/Dhaka")]
    [InlineData("Europe/Paris")]
    public void A_clinic_takes_an_IANA_time_zone(string zone)
    {
        var clinic = ClinicLocation.Create("Gomoti Hospital", "Dhanmondi, Dhaka", zone);

        clinic.Succeeded.Should().BeTrue();
        clinic.Value!.TimeZone.Id.Should().Be(zone);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("UTC+6")]
    [InlineData("")]
    public void An_unknown_time_zone_is_refused_with_an_example(string zone) =>
        ClinicLocation.Create("Gomoti Hospital", "Dhaka", zone).Errors.Should().ContainSingle(e => e.Contains("Asia/Dhaka"));

    [Fact]
    public void A_currency_must_be_a_three_letter_code() =>
        ClinicLocation.Create("Gomoti Hospital", "Dhaka", "Asia/Dhaka", "taka").Succeeded.Should().BeFalse();
}
