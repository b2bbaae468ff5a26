using Clinic.Data;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Clinic.Web.Api;

/// <summary>How much one caller may ask of the API. Section <c>Clinic:Api:RateLimit</c>.</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "Clinic:Api:RateLimit";

    /// <summary>The burst a caller may send at once.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Clinic:Api:RateLimit:TokenLimit must be at least 1.")]
    public int TokenLimit { get; set; } = 100;

    /// <summary>Tokens added back every <see cref="ReplenishmentPeriod"/>: the sustained rate.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Clinic:Api:RateLimit:TokensPerPeriod must be at least 1.")]
    public int TokensPerPeriod { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Clinic:Api:RateLimit:ReplenishmentPeriod must be between 1 ms and 1 day.")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// A token bucket per signed-in user, or per client IP for anonymous calls. A caller over the
/// limit gets 429 with Retry-After and a ProblemDetails (code <c>rate_limited</c>); others are unaffected.
/// </summary>
public static class ApiRateLimiting
{
    public const string Policy = "api";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<ApiRateLimitOptions>(configuration, ApiRateLimitOptions.Section);
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<ApiRateLimitOptions>>().Value;
                var caller = context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
                    ? $"user:{userId}"
                    : $"ip:{context.Connection.RemoteIpAddress}";
                return RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.TokenLimit,
                    TokensPerPeriod = options.TokensPerPeriod,
                    ReplenishmentPeriod = options.ReplenishmentPeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                await ApiProblems.TooManyRequests(context.HttpContext, new Clinic.Web.Security.ThrottleVerdict(false, wait), "requests")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
