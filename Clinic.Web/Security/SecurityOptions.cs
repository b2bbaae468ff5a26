using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Clinic.Web.Security;

/// <summary>How the app protects itself on the open internet. Section <c>Clinic:Security</c>.</summary>
public sealed class SecurityOptions : IValidatableObject
{
    public const string Section = "Clinic:Security";

    /// <summary>
    /// Whether <c>/openapi/v1.json</c> and <c>/api/docs</c> answer to anyone. Unset: on in Development,
    /// off elsewhere, so a production clinic does not describe its API to strangers unless it chooses to.
    /// </summary>
    public bool? PublishApiDocs { get; set; }

    /// <summary>The reverse proxy (or load balancer) that ends TLS in front of the app.</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>How many sign-ins, registrations and reset mails one client or one account may ask for.</summary>
    public ThrottleSettings Throttle { get; set; } = new();

    /// <summary>
    /// Every refused sign-in answers after at least this long, whatever the reason (unknown email, wrong
    /// password, locked account), so the time of an answer does not tell which emails have accounts.
    /// </summary>
    public TimeSpan RefusedSignInTakes { get; set; } = TimeSpan.FromMilliseconds(250);

    public bool DocsArePublic(IHostEnvironment environment) => PublishApiDocs ?? environment.IsDevelopment();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RefusedSignInTakes < TimeSpan.Zero || RefusedSignInTakes > TimeSpan.FromSeconds(5))
            yield return new ValidationResult($"{Section}:RefusedSignInTakes must be between 0 and 5 seconds.");
        foreach (var proxy in ForwardedHeaders.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"{Section}:ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address (e.g. 10.0.0.5).");
        foreach (var network in ForwardedHeaders.KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult($"{Section}:ForwardedHeaders:KnownNetworks has '{network}', which is not a network in CIDR notation (e.g. 10.0.0.0/24).");
        foreach (var (name, limit) in Throttle.All)
        {
            if (limit.Permits < 1 || limit.Window <= TimeSpan.Zero)
                yield return new ValidationResult($"{Section}:Throttle:{name} needs Permits of at least 1 and a Window longer than 0.");
        }
    }
}

public sealed class ForwardedHeadersSettings
{
    /// <summary>Honour X-Forwarded-For and X-Forwarded-Proto from the proxies below (loopback is always trusted).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Addresses of the proxies, e.g. "10.0.0.5".</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. "10.0.0.0/24".</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>A number of attempts allowed per window.</summary>
public sealed class ThrottleLimit
{
    public ThrottleLimit() { }

    public ThrottleLimit(int permits, TimeSpan window) => (Permits, Window) = (permits, window);

    public int Permits { get; set; }
    public TimeSpan Window { get; set; }
}

public sealed class ThrottleSettings
{
    public ThrottleLimit SignInPerClient { get; set; } = new(30, TimeSpan.FromMinutes(5));
    public ThrottleLimit SignInPerAccount { get; set; } = new(10, TimeSpan.FromMinutes(5));
    public ThrottleLimit RegistrationPerClient { get; set; } = new(10, TimeSpan.FromHours(1));
    public ThrottleLimit ResetMailsPerClient { get; set; } = new(10, TimeSpan.FromHours(1));
    public ThrottleLimit ResetMailsPerAccount { get; set; } = new(3, TimeSpan.FromHours(1));

    public IEnumerable<(string Name, ThrottleLimit Limit)> All =>
    [
        (nameof(SignInPerClient), SignInPerClient), (nameof(SignInPerAccount), SignInPerAccount), (nameof(RegistrationPerClient), RegistrationPerClient),
        (nameof(ResetMailsPerClient), ResetMailsPerClient), (nameof(ResetMailsPerAccount), ResetMailsPerAccount),
    ];
}
