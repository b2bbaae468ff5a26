using Clinic.Data.Overview;
using Clinic.Data.Seeding;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;

namespace Clinic.Tests.Data;

public sealed class DemoClinicSeederTests : IAsyncLifetime
{
    private readonly DataHarness harness = new();

    public Task InitializeAsync() => harness.InitializeAsync();
    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task The_demo_clinic_has_the_team_the_README_promises()
    {
        var clinic = await harness.Get<ClinicOverview>().GetAsync();

        clinic!.Name.Should().Be("Gomoti Hospital");
        clinic.TimeZoneId.Should().Be("Asia/Dhaka");
        clinic.Doctors.Should().Be(4);
        clinic.Staff.Should().Be(2);
        clinic.Patients.Should().Be(5);
        clinic.Services.Should().BeGreaterThanOrEqualTo(3);
        var branches = await harness.Get<Clinic.Data.Branches.BranchAdministration>().ListAsync();
        branches.Select(b => (b.Name, string.Join(", ", b.DoctorNames))).Should().Equal(
            ("Dhanmondi", "Dr. Farhana Rahman, Dr. Tanvir Ahmed"), ("Uttara", "Dr. Imran Hossain, Dr. Nusrat Jahan"));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        var before = await harness.Get<ClinicOverview>().GetAsync();

        var logins = await harness.Get<DemoClinicSeeder>().SeedAsync();

        (await harness.Get<ClinicOverview>().GetAsync()).Should().Be(before);
        logins.Select(l => l.Role).Distinct().Should().BeEquivalentTo(ClinicRoles.All);
    }
}
