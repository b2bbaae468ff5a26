using Clinic.Data.Patients;
using Clinic.Domain.Events;
using Clinic.Domain.Patients;
using Clinic.Tests.Support;

namespace Clinic.Tests.Data;

public sealed class PatientAccountsTests : IAsyncLifetime
{
    private readonly DataHarness harness = new();
    private PatientAccounts Patients => harness.Get<PatientAccounts>();

    public Task InitializeAsync() => harness.InitializeAsync();
    public Task DisposeAsync() => harness.DisposeAsync();

    private static PersonDetails Details => new("Nadia Karim", "+880 1812 555000", new DateOnly(1988, 3, 14));

    [Fact]
    public async Task A_patient_registers_with_their_details_and_the_patient_role()
    {
        var result = await Patients.RegisterAsync(new PatientRegistration("nadia@patients.example", "Str0ng-Pass!", Details));

        result.Succeeded.Should().BeTrue(result.Error);
        var actor = await harness.ActorAsync("nadia@patients.example");
        actor.IsIn("Patient").Should().BeTrue();
        var profile = await Patients.GetAsync(actor);
        profile!.Details.Should().Be(Details);
        harness.Events.Published.Should().Contain(new PatientChanged(actor.UserId));
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_Identity_s_reasons_and_no_account_is_left()
    {
        var result = await Patients.RegisterAsync(new PatientRegistration("weak@patients.example", "password", Details));

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().Contain(e => e.Contains("digit") || e.Contains("uppercase"));
        var register = await Patients.RegisterAsync(new PatientRegistration("weak@patients.example", "Str0ng-Pass!", Details));
        register.Succeeded.Should().BeTrue("a refused registration must not leave a half-made account behind");
    }

    [Fact]
    public async Task Registering_twice_with_one_email_is_refused()
    {
        var result = await Patients.RegisterAsync(new PatientRegistration("ayesha@patients.example", "Str0ng-Pass!", Details));

        result.Error.Should().Contain("already exists");
    }

    [Fact]
    public async Task A_patient_edits_only_their_own_profile()
    {
        var ayesha = await harness.ActorAsync("ayesha@patients.example");
        var rahim = await harness.ActorAsync("rahim@patients.example");
        var rahimBefore = (await Patients.GetAsync(rahim))!.Details;

        var result = await Patients.UpdateAsync(ayesha, new PersonDetails("Ayesha S. Rahman", "+880 1711 999999", new DateOnly(1990, 4, 12)));

        result.Succeeded.Should().BeTrue(result.Error);
        (await Patients.GetAsync(ayesha))!.Details.FullName.Should().Be("Ayesha S. Rahman");
        (await Patients.GetAsync(rahim))!.Details.Should().Be(rahimBefore);
    }

    [Fact]
    public async Task Invalid_profile_changes_are_refused_and_the_saved_profile_is_kept()
    {
        var ayesha = await harness.ActorAsync("ayesha@patients.example");
        var before = (await Patients.GetAsync(ayesha))!.Details;

        var result = await Patients.UpdateAsync(ayesha, new PersonDetails("", "abc", null));

        result.Errors.Should().HaveCount(3);
        (await Patients.GetAsync(ayesha))!.Details.Should().Be(before);
    }
}
