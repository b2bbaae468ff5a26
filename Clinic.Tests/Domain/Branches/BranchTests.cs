using Clinic.Domain.Branches;
using Clinic.Domain.Doctors;

namespace Clinic.Tests.Domain.Branches;

public sealed class BranchTests
{
    private static readonly Guid ClinicId = Guid.NewGuid();
    private static readonly BranchDetails Uttara = new(" Uttara ", "House 7, Road 11, Sector 4, Uttara, Dhaka 1230", " ", "Saturday–Thursday 10:00–20:00");

    [Fact]
    public void A_branch_keeps_its_details_trimmed_and_an_empty_phone_as_none()
    {
        var branch = Branch.Create(ClinicId, Uttara).Value!;

        (branch.Name, branch.Phone, branch.OpeningHours, branch.ClinicId).Should().Be(("Uttara", (string?)null, "Saturday–Thursday 10:00–20:00", ClinicId));
    }

    [Fact]
    public void Everything_wrong_is_said_at_once()
    {
        var created = Branch.Create(ClinicId, new BranchDetails("", new string('x', 301), "call us", null));

        created.Errors.Should().BeEquivalentTo(
            "Branch name is required.", "Address must be at most 300 characters.", global::Clinic.Domain.Common.PhoneNumber.Problem("call us")!);
    }

    [Fact]
    public void A_doctor_at_a_branch_takes_its_address_and_keeps_it_when_taken_off_it()
    {
        var branch = Branch.Create(ClinicId, Uttara).Value!;
        var doctor = DoctorProfile.Create("user-1", ClinicId, new DoctorProfileDetails("Dr. Imran Hossain", "Dermatology", 7, 900m, "Chamber 4, Green Road", 30, null)).Value!;

        doctor.WorkAt(branch);
        (doctor.BranchId, doctor.PracticeAddress).Should().Be((branch.Id, branch.Address));
        doctor.Details.BranchId.Should().Be(branch.Id);

        doctor.WorkAt(null);
        (doctor.BranchId, doctor.PracticeAddress).Should().Be(((Guid?)null, branch.Address));
    }

    [Fact]
    public void A_doctor_cannot_work_at_another_clinic_s_branch()
    {
        var elsewhere = Branch.Create(Guid.NewGuid(), Uttara).Value!;
        var doctor = DoctorProfile.Create("user-1", ClinicId, new DoctorProfileDetails("Dr. Imran Hossain", "Dermatology", 7, 900m, "Chamber 4", 30, null)).Value!;

        doctor.Invoking(d => d.WorkAt(elsewhere)).Should().Throw<InvalidOperationException>();
    }
}
