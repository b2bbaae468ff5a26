using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Clinic.Web.Security;

/// <summary>The answer of a throttle: go ahead, or wait this long.</summary>
public sealed record ThrottleVerdict(bool Allowed, TimeSpan RetryAfter)
{
    public static readonly ThrottleVerdict Go = new(true, TimeSpan.Zero);

    /// <summary>Whole seconds to wait, at least one, for a message or a Retry-After header.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    /// <summary>Marks a refused response: 429 with Retry-After (the page or ProblemDetails says the rest).</summary>
    public void ApplyTo(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Message(string what) => $"Too many {what} from here. Wait {Describe(RetryAfterSeconds)} and try again.";

    private static string Describe(int seconds) => seconds < 90 ? $"{seconds} seconds" : $"{(seconds + 59) / 60} minutes";
}

/// <summary>
/// Guessing passwords, creating accounts in bulk and flooding someone's inbox are refused per client
/// (its IP address, after the trusted proxy's forwarded header) and per account (the email, whether or
/// not it exists, so the answer says nothing about which emails have accounts). Built on .NET's rate
/// limiters: fixed windows, partitioned by key, idle partitions dropped by the limiter itself.
/// </summary>
public sealed class AccountThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<(string Client, string Account)> signIn;
    private readonly PartitionedRateLimiter<string> registration;
    private readonly PartitionedRateLimiter<string> resetPerClient;
    private readonly PartitionedRateLimiter<string> resetPerAccount;

    public AccountThrottle(IOptions<SecurityOptions> options)
    {
        var limits = options.Value.Throttle;
        signIn = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(string Client, string Account), string>(r => Window("client:" + r.Client, limits.SignInPerClient)),
            PartitionedRateLimiter.Create<(string Client, string Account), string>(r => Window("account:" + r.Account, limits.SignInPerAccount)));
        registration = PartitionedRateLimiter.Create<string, string>(client => Window(client, limits.RegistrationPerClient));
        resetPerClient = PartitionedRateLimiter.Create<string, string>(client => Window(client, limits.ResetMailsPerClient));
        resetPerAccount = PartitionedRateLimiter.Create<string, string>(account => Window(account, limits.ResetMailsPerAccount));
    }

    public ThrottleVerdict SignIn(HttpContext context, string email) => Take(signIn, (ClientOf(context), AccountKey(email)));

    public ThrottleVerdict Registration(HttpContext context) => Take(registration, ClientOf(context));

    /// <summary>A client asking for reset mails: refused visibly when it asks too often.</summary>
    public ThrottleVerdict ResetRequest(HttpContext context) => Take(resetPerClient, ClientOf(context));

    /// <summary>Mails to one address: past the limit nothing more is sent, and the page says the same as always.</summary>
    public bool MayMail(string email) => Take(resetPerAccount, AccountKey(email)).Allowed;

    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string AccountKey(string email) => email.Trim().ToUpperInvariant();

    private static RateLimitPartition<string> Window(string key, ThrottleLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit.Permits),
            Window = limit.Window > TimeSpan.Zero ? limit.Window : TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static ThrottleVerdict Take<T>(PartitionedRateLimiter<T> limiter, T resource)
    {
        using var lease = limiter.AttemptAcquire(resource);
        if (lease.IsAcquired)
            return ThrottleVerdict.Go;
        return new ThrottleVerdict(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
    }

    public void Dispose()
    {
        signIn.Dispose();
        registration.Dispose();
        resetPerClient.Dispose();
        resetPerAccount.Dispose();
    }
}
