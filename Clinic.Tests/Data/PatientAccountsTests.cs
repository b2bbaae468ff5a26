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

    [Theory]
    [InlineData("password", "common")]
    [InlineData("Password1", "common")]
    [InlineData("iloveyou", "common")]
    [InlineData("short", "8")]
    public async Task A_weak_password_is_refused_with_its_reason_and_no_account_is_left(string password, string reason)
    {
        var result = await Patients.RegisterAsync(new PatientRegistration("weak@patients.example", password, Details));

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().Contain(e => e.Contains(reason));
        var register = await Patients.RegisterAsync(new PatientRegistration("weak@patients.example", "Str0ng-Pass!", Details));
        register.Succeeded.Should().BeTrue("a refused registration must not leave a half-made account behind");
    }

    [Theory]
    [InlineData("correct horse battery staple on a rainy tuesday")] // a passphrase: no digits, capitals or symbols needed
    [InlineData("lowercase only but long enough")]
    public async Task A_long_passphrase_needs_no_digits_capitals_or_symbols(string passphrase)
    {
        var result = await Patients.RegisterAsync(new PatientRegistration("phrase@patients.example", passphrase, Details));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Value!.IsNew.Should().BeTrue();
    }

    [Fact]
    public async Task A_password_over_128_characters_is_refused()
    {
        var result = await Patients.RegisterAsync(new PatientRegistration("long@patients.example", new string('x', 129) + " words", Details));

        result.Errors.Should().Contain(e => e.Contains("128"));
    }

    [Fact]
    public async Task Registering_with_an_email_that_has_an_account_looks_the_same_and_creates_nothing()
    {
        var before = await harness.ActorAsync("ayesha@patients.example");

        var result = await Patients.RegisterAsync(new PatientRegistration("ayesha@patients.example", "Another-Str0ng-Pass", Details));

        result.Succeeded.Should().BeTrue("the page must answer as for a new account");
        result.Value!.IsNew.Should().BeFalse();
        result.Value.UserId.Should().Be(before.UserId, "the existing owner is the one to be told by mail");
        (await Patients.GetAsync(before))!.Details.FullName.Should().NotBe(Details.FullName, "nothing of the stranger's input is saved");
    }

    [Fact]
    public async Task A_common_password_is_refused_for_a_taken_email_too_so_refusals_do_not_tell_accounts_apart()
    {
        var taken = await Patients.RegisterAsync(new PatientRegistration("ayesha@patients.example", "password", Details));
        var free = await Patients.RegisterAsync(new PatientRegistration("nobody-yet@patients.example", "password", Details));

        taken.Errors.Should().Equal(free.Errors);
    }

    [Theory]
    [InlineData("Nadia\0Karim")]
    [InlineData("Nadia\u001bKarim")]
    public async Task A_name_with_a_control_character_is_refused(string escaped)
    {
        var name = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var result = await Patients.RegisterAsync(new PatientRegistration("ctrl@patients.example", "Str0ng-Pass!", Details with { FullName = name }));

        result.Errors.Should().Contain(e => e.Contains("cannot be shown"));
    }

    [Fact]
    public async Task An_email_longer_than_254_characters_is_refused_before_anything_is_saved()
    {
        var email = new string('a', 250) + "@patients.example";

        var result = await Patients.RegisterAsync(new PatientRegistration(email, "Str0ng-Pass!", Details));

        result.Errors.Should().Contain(e => e.Contains("254"));
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
