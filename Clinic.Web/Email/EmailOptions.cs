namespace Clinic.Web.Email;

/// <summary>Outgoing mail. Section <c>Clinic:Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Clinic:Email";

    /// <summary>Every message is written here as an .eml file (relative to the content root).</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail-pickup";

    public string FromAddress { get; set; } = "no-reply@clinic.example";
    public string FromName { get; set; } = "Clinic";
}
