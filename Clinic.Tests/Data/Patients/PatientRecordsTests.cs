using Clinic.Data.Booking;
using Clinic.Data.Identity;
using Clinic.Data.Patients;
using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Data.Patients;

/// <summary>Walk-ins and phone bookings: a record without an account, booked for, and later invited to the same record.</summary>
public sealed class PatientRecordsTests : DemoClinicTests
{
    private PatientRecords Records => Harness.Get<PatientRecords>();

    private static NewPatientRecord Karima(string? email = null) => new("Karima Khatun", "+880 1999 123456", new DateOnly(1961, 3, 14), email);

    [Fact]
    public async Task A_walk_in_without_email_is_recorded_booked_for_and_cannot_sign_in()
    {
        var id = (await Records.CreateAsync(People.Sadia, Karima(), despiteLookAlikes: false)).Value!;

        var booked = await Harness.Get<BookingService>().BookAsync(People.Sadia, new BookingRequest(People.TanvirId, ClinicPeople.WednesdayNine, PatientUserId: id));
        booked.Value!.Status.Should().Be(AppointmentStatus.Confirmed);
        var file = (await Harness.Get<PatientFiles>().FileAsync(People.Sadia, id)).Value!;
        file.HasAccount.Should().BeFalse();
        file.Patient.Email.Should().BeNull();
        file.Upcoming.Should().ContainSingle();
        (await Harness.Get<PatientFiles>().SearchAsync(People.Sadia, "1999 123456", 0, 10)).Items.Should().ContainSingle(p => p.UserId == id);
    }

    [Fact]
    public async Task A_likely_duplicate_is_pointed_out_first_and_created_only_when_the_clinic_says_so()
    {
        var sameNameAndBirth = new NewPatientRecord("ayesha siddiqua", "+880 1555 000000", new DateOnly(1990, 4, 12), null);
        var samePhone = new NewPatientRecord("A. Chowdhury", "01711-000002", new DateOnly(2000, 1, 1), null);

        var first = await Records.CreateAsync(People.Sadia, sameNameAndBirth, despiteLookAlikes: false);
        first.Code.Should().Be(RefusalCodes.PossibleDuplicate);
        first.Error.Should().Contain("Ayesha Siddiqua is already on file (same name and date of birth)");
        (await Records.LikelyDuplicatesAsync(samePhone)).Should().ContainSingle(d => d.FullName == "Rahim Chowdhury" && d.Why == "same phone");

        (await Records.CreateAsync(People.Sadia, sameNameAndBirth, despiteLookAlikes: true)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Bad_details_or_someone_else_s_email_are_refused_and_a_patient_cannot_record_anyone()
    {
        (await Records.CreateAsync(People.Sadia, new NewPatientRecord("", "12", null, "not-an-email"), false)).Errors.Should().Contain(
            ["Full name is required.", "Date of birth is required.", "Enter a valid email address, or leave it empty."]);
        (await Records.CreateAsync(People.Sadia, Karima("ayesha@patients.example"), false)).Error.Should().Be(PatientRecords.EmailInUse);
        (await Records.CreateAsync(People.Ayesha, Karima(), false)).Code.Should().Be(RefusalCodes.Forbidden);
    }

    [Fact]
    public async Task An_invitation_lets_the_walk_in_choose_a_password_and_sign_in_to_the_same_record_with_its_history()
    {
        var id = (await Records.CreateAsync(People.Sadia, Karima(), false)).Value!;
        await Harness.Get<BookingService>().BookAsync(People.Sadia, new BookingRequest(People.TanvirId, ClinicPeople.WednesdayNine, PatientUserId: id));

        var invitation = (await Records.InviteAsync(People.Sadia, id, "karima@patients.example")).Value!;

        await using var scope = Harness.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        var user = (await users.FindByEmailAsync("karima@patients.example"))!;
        user.Id.Should().Be(id);
        (await users.ResetPasswordAsync(user, invitation.PasswordToken, "Karima-Chooses-2026")).Succeeded.Should().BeTrue();
        (await users.CheckPasswordAsync(user, "Karima-Chooses-2026")).Should().BeTrue();
        var karima = await Harness.Get<AppointmentActors>().ResolveAsync(await Harness.ActorAsync("karima@patients.example"));
        (await Harness.Get<AppointmentQueries>().MineAsync(karima)).Should().ContainSingle(a => a.StartUtc == ClinicPeople.WednesdayNine);

        (await Records.InviteAsync(People.Sadia, id, "karima@patients.example")).Error.Should().Be("Karima Khatun already has an account.");
    }
}
