using Clinic.Domain.Appointments;
using static Clinic.Tests.Domain.Appointments.People;

namespace Clinic.Tests.Domain.Appointments;

public sealed class AppointmentPermissionsTests
{
    // The matrix of DESIGN.md: who may do what to Ayesha's appointment with Dr. Tanvir Ahmed.
    public static TheoryData<AppointmentAction, string, bool> Matrix()
    {
        var data = new TheoryData<AppointmentAction, string, bool>();
        void Row(AppointmentAction action, params string[] allowed)
        {
            foreach (var who in new[] { "owner", "staff", "doctor", "other doctor", "patient", "other patient" })
                data.Add(action, who, allowed.Contains(who));
        }
        Row(AppointmentAction.Read, "owner", "staff", "doctor", "patient");
        Row(AppointmentAction.Confirm, "owner", "staff");
        Row(AppointmentAction.Cancel, "owner", "staff", "patient");
        Row(AppointmentAction.Complete, "owner", "staff", "doctor");
        Row(AppointmentAction.NoShow, "owner", "staff");
        Row(AppointmentAction.Reschedule, "owner", "staff", "patient");
        Row(AppointmentAction.Stage, "owner", "staff", "doctor");
        Row(AppointmentAction.Delete, "owner", "staff");
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_role_may_do_exactly_what_the_matrix_allows(AppointmentAction action, string who, bool allowed) =>
        (AppointmentPermissions.Refusal(ByName(who), Pending(), action) is null).Should().Be(allowed);

    [Theory]
    [InlineData("other patient")]
    [InlineData("other doctor")]
    public void Someone_else_s_appointment_is_not_even_readable(string who) =>
        AppointmentPermissions.Refusal(ByName(who), Pending(), AppointmentAction.Cancel).Should().Be(AppointmentPermissions.NotYours);

    [Fact]
    public void A_doctor_is_told_their_role_cannot_confirm() =>
        AppointmentPermissions.Refusal(Doctor, Pending(), AppointmentAction.Confirm).Should().Be("Your role cannot confirm this appointment.");

    [Fact]
    public void Patients_book_for_themselves_and_only_the_clinic_books_for_someone_else()
    {
        AppointmentPermissions.BookingRefusal(Patient, forSomeoneElse: false).Should().BeNull();
        AppointmentPermissions.BookingRefusal(Patient, forSomeoneElse: true).Should().NotBeNull();
        AppointmentPermissions.BookingRefusal(Staff, forSomeoneElse: true).Should().BeNull();
        AppointmentPermissions.BookingRefusal(Doctor, forSomeoneElse: true).Should().NotBeNull();
        AppointmentPermissions.BookingRefusal(Owner, forSomeoneElse: false).Should().NotBeNull();
    }
}
