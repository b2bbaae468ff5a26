using Clinic.Domain.Identity;

namespace Clinic.Tests.Domain;

public sealed class ClinicRolesTests
{
    [Theory]
    [InlineData(ClinicRoles.Owner, "/owner")]
    [InlineData(ClinicRoles.Staff, "/staff")]
    [InlineData(ClinicRoles.Doctor, "/doctor")]
    [InlineData(ClinicRoles.Patient, "/patient")]
    public void Each_role_has_its_own_home(string role, string path) => ClinicRoles.HomePath(role).Should().Be(path);

    [Fact]
    public void The_owner_can_only_hand_out_staff_and_doctor_roles() =>
        ClinicRoles.TeamRoles.Should().BeEquivalentTo([ClinicRoles.Staff, ClinicRoles.Doctor]);
}
