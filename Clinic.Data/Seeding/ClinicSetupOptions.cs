using System.ComponentModel.DataAnnotations;

namespace Clinic.Data.Seeding;

/// <summary>
/// First-run set-up of a real clinic. Section <c>Clinic:Setup</c>; put the owner's password in an
/// environment variable (Clinic__Setup__OwnerPassword), never in a file.
/// </summary>
public sealed class ClinicSetupOptions : IValidatableObject
{
    public const string Section = "Clinic:Setup";

    public string? ClinicName { get; set; }
    public string? Address { get; set; }
    public string TimeZone { get; set; } = "Asia/Dhaka";
    public string Currency { get; set; } = "BDT";
    public string? OwnerEmail { get; set; }
    public string? OwnerName { get; set; }
    public string? OwnerPassword { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new ValidationResult($"{Section}:TimeZone '{TimeZone}' is not a time zone this machine knows; use an IANA name such as Asia/Dhaka or Europe/Paris.");
        if (Currency is not { Length: 3 } || !Currency.All(char.IsAsciiLetterUpper))
            yield return new ValidationResult($"{Section}:Currency must be a three-letter ISO 4217 code such as BDT or EUR.");
    }
}

/// <summary>Demo data for Development. Section <c>Clinic:DemoData</c>.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "Clinic:DemoData";

    public bool Enabled { get; set; }

    /// <summary>Also give the demo clinic two weeks of life (visits, requests, conversations) on a new database.</summary>
    public bool Activity { get; set; }

    /// <summary>The one password of every demo account (Development only, not a secret).</summary>
    [MinLength(Clinic.Domain.Identity.PasswordRules.MinLength, ErrorMessage = "Clinic:DemoData:Password must be at least as long as the clinic's password rule asks.")]
    public string? Password { get; set; }
}

public sealed record DemoLogin(string Role, string Email, string FullName);
