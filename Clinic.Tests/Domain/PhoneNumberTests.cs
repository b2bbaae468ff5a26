using Clinic.Domain.Clinics;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Tests.Domain;

/// <summary>One rule for every phone number the clinic keeps: a patient's and the clinic's own.</summary>
public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+880 2 5815 0000", "tel:+880258150000")]
    [InlineData("(02) 9-12 34 56", "tel:029123456")]
    [InlineData("+880 1711-000001", "tel:+8801711000001")]
    [InlineData("0171100000", "tel:0171100000")]
    public void A_written_number_is_accepted_and_becomes_a_tap_to_call_link(string phone, string tel)
    {
        PhoneNumber.Problem(phone).Should().BeNull();
        PhoneNumber.TelLink(phone).Should().Be(tel);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("call me")]
    [InlineData("+880--1711 000")]
    [InlineData("880+ 1711 000001")]
    [InlineData("+880 2 5815 0000 ext. 4")]
    [InlineData("+880 2 5815 0000 0000 0000 0000 00")]
    public void A_number_that_is_not_one_is_refused(string phone) =>
        PhoneNumber.Problem(phone).Should().NotBeNull();

    [Fact]
    public void The_same_number_is_judged_alike_for_a_patient_and_for_the_clinic()
    {
        const string bad = "+880--1711";
        var patient = new PersonDetails("Ayesha", bad, new DateOnly(1990, 1, 1)).Validate(new DateOnly(2026, 11, 23));
        var clinic = new ClinicSettings(60, 2, 24, 24, 30, bad).Validate();
        var profile = new ClinicProfile("Gomoti Clinic", "Road 1", bad, null, null).Problems();

        patient.Should().ContainSingle().Which.Should().Be(PhoneNumber.Malformed);
        clinic.Should().Equal(PhoneNumber.Malformed);
        profile.Should().Equal(PhoneNumber.Malformed);
    }

    [Fact]
    public void The_clinic_may_leave_its_number_out_and_then_offers_no_link()
    {
        new ClinicSettings(60, 2, 24, 24, 30, null).Validate().Should().BeEmpty();
        PhoneNumber.TelLink(" ").Should().BeNull();
    }
}
