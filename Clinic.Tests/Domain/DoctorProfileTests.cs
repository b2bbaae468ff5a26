using Clinic.Domain.Doctors;

namespace Clinic.Tests.Domain;

public sealed class DoctorProfileTests
{
    private static DoctorProfileDetails Valid() =>
        new("Dr. Tanvir Ahmed", "Cardiology", 18, 1500m, "House 12, Road 5, Dhaka", 30, "Heart clinic.");

    [Fact]
    public void A_valid_profile_is_created_with_trimmed_text()
    {
        var result = DoctorProfile.Create("user-1", Guid.NewGuid(), Valid() with { Specialization = "  Cardiology  " });

        result.Succeeded.Should().BeTrue();
        result.Value!.Specialization.Should().Be("Cardiology");
    }

    [Theory]
    [InlineData(-1, 1500, 30, "Years of experience must be between 0 and 70.")]
    [InlineData(71, 1500, 30, "Years of experience must be between 0 and 70.")]
    [InlineData(5, -1, 30, "Consultation fee cannot be negative.")]
    [InlineData(5, 10.555, 30, "Consultation fee can have at most two decimals.")]
    [InlineData(5, 1500, 4, "Default slot length must be between 5 and 240 minutes.")]
    [InlineData(5, 1500, 241, "Default slot length must be between 5 and 240 minutes.")]
    public void Out_of_range_numbers_are_refused(int years, double fee, int slot, string expected)
    {
        var result = DoctorProfile.Create("user-1", Guid.NewGuid(), Valid() with
        {
            YearsOfExperience = years, ConsultationFee = (decimal)fee, DefaultSlotMinutes = slot,
        });

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().Contain(expected);
    }

    [Fact]
    public void A_refused_update_leaves_the_profile_as_it_was()
    {
        var profile = DoctorProfile.Create("user-1", Guid.NewGuid(), Valid()).Value!;

        var result = profile.Update(Valid() with { Specialization = "", ConsultationFee = 99m });

        result.Errors.Should().Contain("Specialization is required.");
        profile.Specialization.Should().Be("Cardiology");
        profile.ConsultationFee.Should().Be(1500m);
    }

    [Fact]
    public void An_empty_bio_is_stored_as_none()
    {
        var profile = DoctorProfile.Create("user-1", Guid.NewGuid(), Valid() with { Bio = "   " }).Value!;
        profile.Bio.Should().BeNull();
    }
}
