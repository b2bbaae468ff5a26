namespace Clinic.Domain.Identity;

/// <summary>
/// What a password must be (OWASP ASVS 5.0, V6): long enough, not one that is known from breaches,
/// and otherwise free: no required digits or symbols, and room for a long passphrase.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public const string Hint = "At least 8 characters; a few words you will remember make a good passphrase. Common passwords are refused.";
}
