using Clinic.Data.Doctors;
using Clinic.Data.Team;
using Clinic.Domain.Doctors;
using Clinic.Domain.Events;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;

namespace Clinic.Tests.Data;

public sealed class TeamAdministrationTests : IAsyncLifetime
{
    private readonly DataHarness harness = new();
    private TeamAdministration Team => harness.Get<TeamAdministration>();

    public Task InitializeAsync() => harness.InitializeAsync();
    public Task DisposeAsync() => harness.DisposeAsync();

    private static DoctorProfileDetails Profile(string name = "Dr. New Doctor") =>
        new(name, "Neurology", 10, 1200m, "Dhanmondi, Dhaka", 20, "Headache clinic.");

    [Fact]
    public async Task The_owner_creates_a_doctor_whose_profile_is_listed_publicly()
    {
        var owner = await harness.ActorAsync("owner@gomoti.example");

        var result = await Team.CreateAsync(owner, new NewTeamMember("Dr. New Doctor", "new.doctor@gomoti.example", ClinicRoles.Doctor, Profile()));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Value!.PasswordToken.Should().NotBeNullOrEmpty();
        var listed = await harness.Get<DoctorDirectory>().ListAsync();
        listed.Should().ContainSingle(d => d.FullName == "Dr. New Doctor" && d.Specialization == "Neurology" && d.ConsultationFee == 1200m);
        harness.Events.Published.OfType<DoctorProfileChanged>().Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_staff_member_cannot_create_accounts()
    {
        var staff = await harness.ActorAsync("staff1@gomoti.example");

        var result = await Team.CreateAsync(staff, new NewTeamMember("Eve", "eve@gomoti.example", ClinicRoles.Staff, null));

        result.Succeeded.Should().BeFalse();
        result.Error.Should().Be("Only the clinic owner can manage the team.");
        (await Team.ListAsync(staff)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_email_already_in_use_is_refused_and_nothing_is_created()
    {
        var owner = await harness.ActorAsync("owner@gomoti.example");
        var before = await Team.ListAsync(owner);

        var result = await Team.CreateAsync(owner, new NewTeamMember("Copy", "staff1@gomoti.example", ClinicRoles.Staff, null));

        result.Error.Should().Contain("already exists");
        (await Team.ListAsync(owner)).Should().HaveCount(before.Count);
    }

    [Fact]
    public async Task The_owner_cannot_create_another_owner_or_a_patient()
    {
        var owner = await harness.ActorAsync("owner@gomoti.example");

        var result = await Team.CreateAsync(owner, new NewTeamMember("Boss", "boss@gomoti.example", ClinicRoles.Owner, null));

        result.Errors.Should().Contain("A team member is either Staff or Doctor.");
    }

    [Fact]
    public async Task A_doctor_with_an_invalid_profile_is_not_created_at_all()
    {
        var owner = await harness.ActorAsync("owner@gomoti.example");

        var result = await Team.CreateAsync(owner, new NewTeamMember("Dr. Bad", "bad@gomoti.example", ClinicRoles.Doctor, Profile() with { ConsultationFee = -5m }));

        result.Errors.Should().Contain("Consultation fee cannot be negative.");
        (await harness.Get<DoctorDirectory>().ListAsync()).Should().NotContain(d => d.FullName == "Dr. Bad");
    }

    [Fact]
    public async Task Editing_a_doctor_changes_the_public_card_and_announces_it()
    {
        var owner = await harness.ActorAsync("owner@gomoti.example");
        var doctor = (await harness.Get<DoctorDirectory>().ListAsync()).First(d => d.FullName == "Dr. Tanvir Ahmed");
        var details = (await Team.GetDoctorAsync(owner, doctor.Id))!;

        var result = await Team.UpdateDoctorAsync(owner, doctor.Id, details with { ConsultationFee = 1800m, Specialization = "Interventional cardiology" });

        result.Succeeded.Should().BeTrue(result.Error);
        var card = await harness.Get<DoctorDirectory>().FindAsync(doctor.Id);
        card!.ConsultationFee.Should().Be(1800m);
        card.Specialization.Should().Be("Interventional cardiology");
        harness.Events.Published.Should().Contain(new DoctorProfileChanged(doctor.Id));
    }

    [Fact]
    public async Task A_deactivated_doctor_disappears_from_the_public_list_and_comes_back_when_reactivated()
    {
        var owner = await harness.ActorAsync("owner@gomoti.example");
        var member = (await Team.ListAsync(owner)).First(m => m.FullName == "Dr. Imran Hossain");

        (await Team.SetActiveAsync(owner, member.UserId, active: false)).Succeeded.Should().BeTrue();
        (await harness.Get<DoctorDirectory>().ListAsync()).Should().NotContain(d => d.FullName == "Dr. Imran Hossain");

        (await Team.SetActiveAsync(owner, member.UserId, active: true)).Succeeded.Should().BeTrue();
        (await harness.Get<DoctorDirectory>().ListAsync()).Should().Contain(d => d.FullName == "Dr. Imran Hossain");
    }

    [Fact]
    public async Task The_owner_cannot_deactivate_their_own_account()
    {
        var owner = await harness.ActorAsync("owner@gomoti.example");

        var result = await Team.SetActiveAsync(owner, owner.UserId, active: false);

        result.Error.Should().Be("You cannot deactivate your own account.");
    }

    [Fact]
    public async Task Patients_are_not_managed_from_the_team_page()
    {
        var owner = await harness.ActorAsync("owner@gomoti.example");
        var patient = await harness.ActorAsync("ayesha@patients.example");

        var result = await Team.SetActiveAsync(owner, patient.UserId, active: false);

        result.Error.Should().Be("Only staff and doctor accounts are managed here.");
    }
}
