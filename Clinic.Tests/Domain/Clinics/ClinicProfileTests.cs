using Clinic.Domain.Clinics;

namespace Clinic.Tests.Domain.Clinics;

/// <summary>How the clinic presents itself: what the owner may write, kept clean.</summary>
public sealed class ClinicProfileTests
{
    private static readonly ClinicProfile Gomoti = new("Gomoti Hospital", "House 12, Road 5, Dhanmondi, Dhaka", "+880 2 5815 0000", "desk@gomoti.example", "Sat–Thu 09:00–22:00\nFriday closed");

    [Theory]
    [InlineData("desk@gomoti.example", true)]
    [InlineData("front.desk+web@clinic.co.uk", true)]
    [InlineData("desk at gomoti", false)]
    [InlineData("desk@gomoti", false)]
    [InlineData("@gomoti.example", false)]
    [InlineData("a@b@c.example", false)]
    public void An_email_must_look_like_one(string email, bool fine) =>
        (Gomoti with { Email = email }).Problems().Should().HaveCount(fine ? 0 : 1);

    [Fact]
    public void Blank_optional_fields_are_stored_as_none_and_the_rest_trimmed()
    {
        var clinic = ClinicLocation.Create("Old name", "Old address", "Asia/Dhaka").Value!;

        clinic.UpdateProfile(Gomoti with { Name = "  Gomoti Hospital ", Email = "  ", OpeningHours = "" }).Succeeded.Should().BeTrue();

        clinic.Profile.Should().Be(Gomoti with { Email = null, OpeningHours = null });
        clinic.Settings.Phone.Should().Be("+880 2 5815 0000", "the phone patients are told to call is the profile's");
    }

    [Fact]
    public void A_refused_profile_changes_nothing()
    {
        var clinic = ClinicLocation.Create("Gomoti Hospital", "Dhaka", "Asia/Dhaka").Value!;

        clinic.UpdateProfile(Gomoti with { Name = "", Phone = "call us" }).Errors.Should().HaveCount(2);

        (clinic.Name, clinic.Phone).Should().Be(("Gomoti Hospital", null));
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("bn", true)]
    [InlineData("fr", false)]
    [InlineData("BN", false)]
    [InlineData("", false)]
    public void The_clinic_opens_in_a_language_it_speaks(string language, bool fine)
    {
        var clinic = ClinicLocation.Create("Gomoti Hospital", "Dhaka", "Asia/Dhaka").Value!;

        var saved = clinic.UpdateProfile(Gomoti with { Language = language });

        saved.Errors.Should().BeEquivalentTo(fine ? [] : new[] { "The clinic speaks English (en) or Bangla (bn)." });
        clinic.Language.Should().Be(fine ? language : "en", "a new clinic opens in English, and a refused change leaves it");
    }
}
