using System.ComponentModel.DataAnnotations;

namespace Clinic.Web.TextMessages;

/// <summary>
/// The clinic's text-message (SMS) gateway, section <c>Clinic:TextMessages</c>. Without a
/// <see cref="Url"/>, no text message is sent. Gateways differ, so the request is written here with
/// two places filled in for each message: <c>{to}</c> (the number with its country code, digits only,
/// 8801711234567) and <c>{text}</c>, each encoded as its spot needs (in the address, in a JSON body, in
/// a form body).
/// </summary>
public sealed class TextMessageOptions : IValidatableObject
{
    public const string Section = "Clinic:TextMessages";

    /// <summary>The gateway's address; with GET, the places usually go here (…?number={to}&amp;message={text}).</summary>
    public string? Url { get; set; }

    /// <summary>GET, or POST with <see cref="Body"/>.</summary>
    public string Method { get; set; } = "GET";

    /// <summary>For POST: JSON (starting with {) or a form (to={to}&amp;text={text}).</summary>
    public string? Body { get; set; }

    /// <summary>Sent with every request, e.g. <c>Authorization</c>; keep secrets out of the repository (environment variables).</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>Some gateways answer 200 to a refused message: then the answer must contain this to count as sent (e.g. "\"response_code\":202").</summary>
    public string? SuccessContains { get; set; }

    /// <summary>Where the clinic's patients' numbers are from when written without a country code (ISO 3166 region, BD).</summary>
    public string Region { get; set; } = "BD";

    public int TimeoutSeconds { get; set; } = 20;

    public bool Sends => !string.IsNullOrWhiteSpace(Url);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Sends)
            yield break;
        if (!Uri.TryCreate(Url!.Replace("{to}", "0").Replace("{text}", "x"), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            yield return new ValidationResult($"{Section}:Url must be an absolute http(s) address.");
        if (Method is not ("GET" or "POST"))
            yield return new ValidationResult($"{Section}:Method must be GET or POST.");
        if (Method == "POST" && string.IsNullOrWhiteSpace(Body))
            yield return new ValidationResult($"{Section}:Body is needed with POST.");
        var request = Url + (Method == "POST" ? Body : null);
        if (!request.Contains("{to}", StringComparison.Ordinal) || !request.Contains("{text}", StringComparison.Ordinal))
            yield return new ValidationResult($"{Section} must place {{to}} and {{text}} in its Url{(Method == "POST" ? " or Body" : "")}.");
        if (PhoneNumbers.PhoneNumberUtil.GetInstance().GetCountryCodeForRegion(Region) == 0)
            yield return new ValidationResult($"{Section}:Region must be a country's two-letter code such as BD.");
        if (TimeoutSeconds is < 1 or > 120)
            yield return new ValidationResult($"{Section}:TimeoutSeconds must be between 1 and 120.");
    }
}
