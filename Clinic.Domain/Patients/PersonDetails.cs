using Clinic.Domain.Common;

namespace Clinic.Domain.Patients;

/// <summary>The personal details a patient gives when registering or editing the profile.</summary>
public sealed record PersonDetails(string FullName, string Phone, DateOnly? DateOfBirth)
{
    public const int MaxAgeYears = 130;

    public IReadOnlyList<string> Validate(DateOnly today)
    {
        var errors = new List<string>();
        Text.Required(errors, FullName, "Full name", 120);
        if (string.IsNullOrWhiteSpace(Phone))
            errors.Add("Phone is required.");
        else if (PhoneNumber.Problem(Phone) is { } phone)
            errors.Add(phone);
        if (DateOfBirth is null)
            errors.Add("Date of birth is required.");
        else if (DateOfBirth > today)
            errors.Add("Date of birth cannot be in the future.");
        else if (DateOfBirth < today.AddYears(-MaxAgeYears))
            errors.Add($"Date of birth cannot be more than {MaxAgeYears} years ago.");
        return errors;
    }

    /// <summary>Whole years of age on the given day, or null without a date of birth.</summary>
    public int? AgeOn(DateOnly today)
    {
        if (DateOfBirth is not { } born)
            return null;
        var age = today.Year - born.Year;
        return born.AddYears(age) > today ? age - 1 : age;
    }
}
