using System.Text.RegularExpressions;

namespace Clinic.Domain.Common;

/// <summary>
/// How a phone number may be written, for a patient's and the clinic's alike: 7 to 20 digits, an
/// optional leading +, groups set apart by single spaces or dashes, a group in brackets.
/// </summary>
public static partial class PhoneNumber
{
    public const int MaxLength = 30;

    public const string Malformed = "Write the phone number with 7 to 20 digits, optionally starting with + and grouped by single spaces, dashes or brackets, for example +880 2 5815 0000.";

    /// <summary>What is wrong with a written number, or null when it is one. Blank is for the caller to judge.</summary>
    public static string? Problem(string phone)
    {
        var trimmed = phone.Trim();
        return trimmed.Length > MaxLength ? $"The phone number can be at most {MaxLength} characters."
            : Pattern().IsMatch(trimmed) ? null
            : Malformed;
    }

    /// <summary>What is wrong with a number that may be left out (the clinic's): null when blank or fine.</summary>
    public static string? OptionalProblem(string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? null : Problem(phone);

    /// <summary>The number as a tel: link takes it: + and digits only; null for no number.</summary>
    public static string? TelLink(string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? null : "tel:" + new string([.. phone.Where(c => char.IsAsciiDigit(c) || c == '+')]);

    // 7–20 digits in all (the look-ahead), then groups of digits, each perhaps in brackets, with at
    // most one space or dash between them.
    [GeneratedRegex(@"^\+?(?=(?:\D*\d){7,20}\D*$)\(?\d+\)?(?:[ \-]?\(?\d+\)?)*$")]
    private static partial Regex Pattern();
}
