using System.Collections.Concurrent;
using Clinic.Data.Messaging;

namespace Clinic.Tests.Support;

/// <summary>An outbox sender that records what it delivered; it can be told to fail, or to hang until cancelled.</summary>
public sealed class RecordingSender : IOutboxSender
{
    private readonly ConcurrentQueue<OutboxEmail> sent = new();
    private int failuresLeft;

    public IReadOnlyList<OutboxEmail> Sent => [.. sent];

    public int Attempts => Volatile.Read(ref attempts);
    private int attempts;

    /// <summary>The next <paramref name="count"/> attempts throw, as a mail server that is down.</summary>
    public void FailNext(int count) => Volatile.Write(ref failuresLeft, count);

    /// <summary>While set, a send waits for cancellation: a worker stopped in the middle of sending.</summary>
    public bool Hang { get; set; }

    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref attempts);
        if (Hang)
            await Task.Delay(Timeout.Infinite, cancellationToken);
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
            throw new IOException("SMTP server unreachable (test)");
        sent.Enqueue(email);
    }
}
