using Clinic.Domain.Doctors;

namespace Clinic.Web.Components.Pages.Owner;

/// <summary>The editable shape of a doctor's profile behind the owner's forms.</summary>
public sealed class DoctorForm
{
    public string FullName { get; set; } = "";
    public string Specialization { get; set; } = "";
    public int YearsOfExperience { get; set; }
    public decimal ConsultationFee { get; set; }
    public string PracticeAddress { get; set; } = "";
    public int DefaultSlotMinutes { get; set; } = 30;
    public string? Bio { get; set; }

    /// <summary>The branch the doctor works at; the address is then the branch's.</summary>
    public Guid? BranchId { get; set; }

    public DoctorProfileDetails ToDetails() =>
        new(FullName, Specialization, YearsOfExperience, ConsultationFee, PracticeAddress, DefaultSlotMinutes, Bio, BranchId);

    public static DoctorForm From(DoctorProfileDetails details) => new()
    {
        FullName = details.FullName,
        Specialization = details.Specialization,
        YearsOfExperience = details.YearsOfExperience,
        ConsultationFee = details.ConsultationFee,
        PracticeAddress = details.PracticeAddress,
        DefaultSlotMinutes = details.DefaultSlotMinutes,
        Bio = details.Bio,
        BranchId = details.BranchId,
    };
}
