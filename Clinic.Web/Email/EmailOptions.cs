using System.ComponentModel.DataAnnotations;

namespace Clinic.Web.Email;

/// <summary>Outgoing mail. Section <c>Clinic:Email</c>. With <see cref="SmtpOptions.Host"/> set, mail goes out over SMTP; otherwise to the pickup folder.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Clinic:Email";

    /// <summary>Without SMTP, every message is written here as an .eml file (relative to the content root).</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail-pickup";

    [EmailAddress(ErrorMessage = "Clinic:Email:FromAddress must be an email address.")]
    public string FromAddress { get; set; } = "no-reply@clinic.example";
    public string FromName { get; set; } = "Clinic";

    /// <summary>The address patients reach the app at, for links in emails (e.g. https://booking.example-clinic.com).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public SmtpOptions Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Smtp.Port is < 1 or > 65535)
            yield return new ValidationResult($"{Section}:Smtp:Port must be between 1 and 65535.");
        if (Smtp.Security is not ("Auto" or "StartTls" or "SslOnConnect" or "None"))
            yield return new ValidationResult($"{Section}:Smtp:Security must be Auto, StartTls, SslOnConnect or None.");
    }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered), StartTls, SslOnConnect or None: the names of MailKit's SecureSocketOptions.</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }
    public string? Password { get; set; }
}
