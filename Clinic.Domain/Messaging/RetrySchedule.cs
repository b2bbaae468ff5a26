namespace Clinic.Domain.Messaging;

/// <summary>How long to wait after each failed attempt; after the last one the message is marked failed.</summary>
public static class RetrySchedule
{
    public static IReadOnlyList<TimeSpan> Delays { get; } =
    [
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(4),
    ];

    public static int MaxAttempts => Delays.Count + 1;

    /// <summary>The wait after <paramref name="failedAttempts"/> failures, or null when there is no attempt left.</summary>
    public static TimeSpan? DelayAfter(int failedAttempts) =>
        failedAttempts >= 1 && failedAttempts <= Delays.Count ? Delays[failedAttempts - 1] : null;
}
