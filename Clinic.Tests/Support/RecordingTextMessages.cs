using System.Collections.Concurrent;
using Clinic.Data.Messaging;

namespace Clinic.Tests.Support;

/// <summary>A text-message gateway that records what it was given; off until a test turns it on, and it can be told to fail.</summary>
public sealed class RecordingTextMessages : ITextMessageSender
{
    private readonly ConcurrentQueue<OutboxTextMessage> sent = new();
    private int failuresLeft;

    public bool Sends { get; set; }

    public IReadOnlyList<OutboxTextMessage> Sent => [.. sent];

    /// <summary>The next <paramref name="count"/> attempts throw, as a gateway that is down.</summary>
    public void FailNext(int count) => Volatile.Write(ref failuresLeft, count);

    /// <summary>Any number of ten digits or more, as its digits; shorter ones cannot take a message.</summary>
    public string? AddressOf(string phone) => new string([.. phone.Where(char.IsAsciiDigit)]) is { Length: >= 10 } digits ? digits : null;

    public Task SendAsync(OutboxTextMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
            throw new HttpRequestException("The text-message gateway answered 502 (test)");
        sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
