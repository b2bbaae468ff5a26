using Clinic.Domain.Clinics;

namespace Clinic.Tests.Domain.Clinics;

public sealed class ClinicPhoneTests
{
    [Theory]
    [InlineData("+880 2 5815 0000", "tel:+880258150000")]
    [InlineData("(02) 9-12 34 56", "tel:029123456")]
    public void A_written_number_becomes_a_tap_to_call_link(string phone, string tel)
    {
        ClinicSettings.PhoneProblem(phone).Should().BeNull();
        ClinicSettings.TelLink(phone).Should().Be(tel);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("+880 2 5815 0000 ext. 4")]
    [InlineData("+880 2 5815 0000 0000 0000 0000 00")]
    public void A_number_that_is_not_one_is_refused(string phone) =>
        ClinicSettings.PhoneProblem(phone).Should().NotBeNull();

    [Fact]
    public void No_number_is_fine_and_gives_no_link()
    {
        ClinicSettings.PhoneProblem(null).Should().BeNull();
        ClinicSettings.TelLink(" ").Should().BeNull();
    }
}
