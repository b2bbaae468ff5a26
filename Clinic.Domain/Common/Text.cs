namespace Clinic.Domain.Common;

/// <summary>Small checks shared by the validating records.</summary>
public static class Text
{
    /// <summary>The longest address SMTP carries (RFC 5321); longer ones are refused, not stored.</summary>
    public const int MaxEmailLength = 254;

    public static void Required(List<string> errors, string? value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add($"{label} is required.");
        else if (value.Trim().Length > maxLength)
            errors.Add($"{label} must be at most {maxLength} characters.");
        else if (HasControlCharacters(value, allowLineBreaks: false))
            errors.Add($"{label} contains characters that cannot be shown (such as a tab or an invisible control character).");
    }

    /// <summary>Free text such as a bio or a note: line breaks are fine, other control characters are not.</summary>
    public static void Optional(List<string> errors, string? value, string label, int maxLength)
    {
        if (value is null)
            return;
        if (value.Trim().Length > maxLength)
            errors.Add($"{label} must be at most {maxLength} characters.");
        else if (HasControlCharacters(value, allowLineBreaks: true))
            errors.Add($"{label} contains invisible control characters.");
    }

    /// <summary>NUL, escape, bell and the like hide in a database and break exports, emails and screens.</summary>
    public static bool HasControlCharacters(string value, bool allowLineBreaks) =>
        value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'));

    public static string Clean(string? value) => (value ?? string.Empty).Trim();
}
