namespace Clinic.Web.Live;

/// <summary>How live events reach pages on other app instances. Section <c>Clinic:Live</c>.</summary>
public sealed class LiveOptions
{
    public const string Section = "Clinic:Live";

    /// <summary>
    /// Redis's address (a StackExchange.Redis configuration string such as <c>127.0.0.1:6379</c>).
    /// Empty: one instance, events stay in this process.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>The pub/sub channel every instance of one clinic shares.</summary>
    public string Channel { get; set; } = "clinic:live";

    public bool Relays => !string.IsNullOrWhiteSpace(Redis);
}
