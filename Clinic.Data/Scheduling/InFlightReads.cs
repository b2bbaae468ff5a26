using System.Collections.Concurrent;

namespace Clinic.Data.Scheduling;

/// <summary>
/// Lets callers that ask the same question at the same moment share one database read. After a
/// booking, every open page of that doctor re-queries at once; with hundreds of pages open this turns
/// hundreds of identical reads into one. Nothing is kept once a read completes, and a read started
/// before the latest committed change is never shared with a caller that arrives after it.
/// </summary>
internal sealed class InFlightReads<TKey, TValue> where TKey : notnull
{
    private readonly ConcurrentDictionary<(TKey Key, long Generation), Lazy<Task<TValue>>> running = new();
    private long generation;

    /// <summary>Called after a change is committed and before it is announced.</summary>
    public void Changed() => Interlocked.Increment(ref generation);

    public Task<TValue> ReadAsync(TKey key, Func<Task<TValue>> read, CancellationToken cancellationToken)
    {
        var slot = (key, Interlocked.Read(ref generation));
        var shared = running.GetOrAdd(slot, s => new Lazy<Task<TValue>>(() => RunAsync(s, read)));
        // One caller giving up must not cancel the read the others are waiting for.
        return shared.Value.WaitAsync(cancellationToken);
    }

    private async Task<TValue> RunAsync((TKey, long) slot, Func<Task<TValue>> read)
    {
        try
        {
            return await read();
        }
        finally
        {
            running.TryRemove(slot, out _);
        }
    }
}
