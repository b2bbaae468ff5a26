using Clinic.Domain.Patients;

namespace Clinic.Tests.Domain;

public sealed class PersonDetailsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Complete_details_are_accepted() =>
        new PersonDetails("Ayesha Siddiqua", "+880 1711 000001", new DateOnly(1990, 4, 12)).Validate(Today).Should().BeEmpty();

    [Theory]
    [InlineData("", "+880 1711 000001", "Full name is required.")]
    [InlineData("Ayesha", "", "Phone is required.")]
    [InlineData("Ayesha", "call me", "Write the phone number with 7 to 20 digits")]
    [InlineData("Ayesha", "12345", "Write the phone number with 7 to 20 digits")]
    [InlineData("Ayesha", "+880--1711", "Write the phone number with 7 to 20 digits")]
    public void Missing_or_malformed_details_are_refused_with_a_sentence(string name, string phone, string expected) =>
        new PersonDetails(name, phone, new DateOnly(1990, 1, 1)).Validate(Today).Should().ContainSingle(e => e.StartsWith(expected));

    [Fact]
    public void A_date_of_birth_in_the_future_is_refused() =>
        new PersonDetails("A", "0171100000", Today.AddDays(1)).Validate(Today).Should().Contain("Date of birth cannot be in the future.");

    [Fact]
    public void A_date_of_birth_more_than_130_years_ago_is_refused() =>
        new PersonDetails("A", "0171100000", Today.AddYears(-131)).Validate(Today).Should().ContainSingle(e => e.Contains("130 years"));

    [Theory]
    [InlineData("1990-11-23", 36)]
    [InlineData("1990-11-24", 35)]
    [InlineData("2000-02-29", 26)]
    public void Age_counts_whole_years_and_turns_on_the_birthday(string born, int age) =>
        new PersonDetails("A", "0171100000", DateOnly.Parse(born)).AgeOn(Today).Should().Be(age);
}
