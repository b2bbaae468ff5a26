using System.ComponentModel.DataAnnotations;

namespace Clinic.Web.Live;

/// <summary>How live events reach pages on other app instances. Section <c>Clinic:Live</c>.</summary>
public sealed class LiveOptions : IValidatableObject
{
    public const string Section = "Clinic:Live";

    /// <summary>
    /// Redis's address (a StackExchange.Redis configuration string such as <c>127.0.0.1:6379</c>).
    /// Empty: one instance, events stay in this process.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>The pub/sub channel every instance of one clinic shares.</summary>
    [Required(ErrorMessage = "Clinic:Live:Channel must name the Redis channel the instances share.")]
    public string Channel { get; set; } = "clinic:live";

    public bool Relays => !string.IsNullOrWhiteSpace(Redis);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? problem = null;
        try
        {
            if (Relays)
                StackExchange.Redis.ConfigurationOptions.Parse(Redis!);
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message;
        }
        if (problem is not null)
            yield return new ValidationResult($"{Section}:Redis is not a Redis address ({problem}); write host:port, e.g. 127.0.0.1:6379.");
    }
}
