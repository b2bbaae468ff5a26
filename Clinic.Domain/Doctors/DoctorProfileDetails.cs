using Clinic.Domain.Common;

namespace Clinic.Domain.Doctors;

/// <summary>
/// What the owner enters about a doctor, validated before it reaches a profile. With a
/// <see cref="BranchId"/> the doctor's address is that branch's.
/// </summary>
public sealed record DoctorProfileDetails(
    string FullName,
    string Specialization,
    int YearsOfExperience,
    decimal ConsultationFee,
    string PracticeAddress,
    int DefaultSlotMinutes,
    string? Bio,
    Guid? BranchId = null)
{
    public const int MinSlotMinutes = 5;
    public const int MaxSlotMinutes = 240;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Text.Required(errors, FullName, "Full name", 120);
        Text.Required(errors, Specialization, "Specialization", 80);
        Text.Required(errors, PracticeAddress, "Clinic address", 300);
        Text.Optional(errors, Bio, "Bio", 2000);
        if (YearsOfExperience is < 0 or > 70)
            errors.Add("Years of experience must be between 0 and 70.");
        if (ConsultationFee < 0)
            errors.Add("Consultation fee cannot be negative.");
        else if (ConsultationFee > 1_000_000)
            errors.Add("Consultation fee is too large.");
        else if (decimal.Round(ConsultationFee, 2) != ConsultationFee)
            errors.Add("Consultation fee can have at most two decimals.");
        if (DefaultSlotMinutes is < MinSlotMinutes or > MaxSlotMinutes)
            errors.Add($"Default slot length must be between {MinSlotMinutes} and {MaxSlotMinutes} minutes.");
        return errors;
    }
}
