using Clinic.Domain.Common;

namespace Clinic.Domain.Clinics;

/// <summary>How the clinic presents itself: on the landing page, the appointment page and in emails.</summary>
/// <param name="Language">
/// The language the clinic opens in for someone who has not chosen one, and writes in to someone whose
/// language is not known (a new team member's invitation): one of <see cref="Languages"/>.
/// </param>
public sealed record ClinicProfile(string Name, string Address, string? Phone, string? Email, string? OpeningHours, string Language = ClinicProfile.English)
{
    public const string English = "en";

    /// <summary>The languages the clinic's screens and letters are written in (ISO 639-1).</summary>
    public static IReadOnlyList<string> Languages { get; } = [English, "bn"];

    public const int MaxEmailLength = 200;
    public const int MaxOpeningHoursLength = 300;

    /// <summary>Everything wrong with the profile, in the owner's words; empty when it is fine.</summary>
    public IReadOnlyList<string> Problems()
    {
        var errors = new List<string>();
        Text.Required(errors, Name, "Clinic name", 120);
        Text.Required(errors, Address, "Address", 300);
        if (PhoneNumber.OptionalProblem(Phone) is { } phone)
            errors.Add(phone);
        Text.Optional(errors, Email, "Email", MaxEmailLength);
        if (!string.IsNullOrWhiteSpace(Email) && !LooksLikeEmail(Email.Trim()))
            errors.Add("The email address does not look right (name@clinic.example).");
        Text.Optional(errors, OpeningHours, "Opening hours", MaxOpeningHoursLength);
        if (!Languages.Contains(Language))
            errors.Add("The clinic speaks English (en) or Bangla (bn).");
        return errors;
    }

    private static bool LooksLikeEmail(string email) =>
        email.Count(c => c == '@') == 1 && !email.Any(char.IsWhiteSpace) && email.IndexOf('@') is > 0 and var at && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.');
}
