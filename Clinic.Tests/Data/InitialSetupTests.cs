using Clinic.Data.Overview;
using Clinic.Data.Seeding;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;

namespace Clinic.Tests.Data;

public sealed class InitialSetupTests : IAsyncLifetime
{
    private readonly DataHarness harness = new(seedDemo: false, new Dictionary<string, string?>
    {
        ["Clinic:Setup:ClinicName"] = "Clinique du Parc",
        ["Clinic:Setup:Address"] = "12 rue du Parc, Lyon",
        ["Clinic:Setup:TimeZone"] = "Europe/Paris",
        ["Clinic:Setup:Currency"] = "EUR",
        ["Clinic:Setup:OwnerEmail"] = "owner@parc.example",
        ["Clinic:Setup:OwnerPassword"] = "First-Start-2026",
    });

    public Task InitializeAsync() => harness.InitializeAsync();
    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task A_real_clinic_and_its_owner_are_created_from_configuration_once()
    {
        await harness.Get<InitialSetup>().RunAsync();
        await harness.Get<InitialSetup>().RunAsync();

        var clinic = await harness.Get<ClinicOverview>().GetAsync();
        clinic!.Name.Should().Be("Clinique du Parc");
        clinic.TimeZoneId.Should().Be("Europe/Paris");
        clinic.Currency.Should().Be("EUR");
        clinic.Doctors.Should().Be(0, "no demo data outside Development");
        (await harness.ActorAsync("owner@parc.example")).IsIn(ClinicRoles.Owner).Should().BeTrue();
    }
}
