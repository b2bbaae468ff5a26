namespace Clinic.Domain.Common;

/// <summary>Small checks shared by the validating records.</summary>
internal static class Text
{
    public static void Required(List<string> errors, string? value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add($"{label} is required.");
        else if (value.Trim().Length > maxLength)
            errors.Add($"{label} must be at most {maxLength} characters.");
    }

    public static void Optional(List<string> errors, string? value, string label, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
            errors.Add($"{label} must be at most {maxLength} characters.");
    }

    public static string Clean(string? value) => (value ?? string.Empty).Trim();
}
