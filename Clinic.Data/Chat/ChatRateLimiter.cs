using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Clinic.Data.Chat;

/// <summary>
/// A sliding window per person (System.Threading.RateLimiting), so one account cannot flood a
/// conversation. Per app instance: with several instances each counts its own share.
/// </summary>
public sealed class ChatRateLimiter(IOptions<ChatOptions> options) : IDisposable
{
    public const string TooFast = "You are sending messages too quickly. Wait a few seconds and try again.";

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(userId =>
        RateLimitPartition.GetSlidingWindowLimiter(userId, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.Value.MessagesPerWindow,
            Window = options.Value.RateWindow,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public bool TryTake(string userId)
    {
        using var lease = limiter.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
