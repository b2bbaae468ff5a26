namespace Clinic.Data.Seeding;

/// <summary>
/// First-run set-up of a real clinic. Section <c>Clinic:Setup</c>; put the owner's password in an
/// environment variable (Clinic__Setup__OwnerPassword), never in a file.
/// </summary>
public sealed class ClinicSetupOptions
{
    public const string Section = "Clinic:Setup";

    public string? ClinicName { get; set; }
    public string? Address { get; set; }
    public string TimeZone { get; set; } = "Asia/Dhaka";
    public string Currency { get; set; } = "BDT";
    public string? OwnerEmail { get; set; }
    public string? OwnerName { get; set; }
    public string? OwnerPassword { get; set; }
}

/// <summary>Demo data for Development. Section <c>Clinic:DemoData</c>.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "Clinic:DemoData";

    public bool Enabled { get; set; }

    /// <summary>The one password of every demo account (Development only, not a secret).</summary>
    public string? Password { get; set; }
}

public sealed record DemoLogin(string Role, string Email, string FullName);
