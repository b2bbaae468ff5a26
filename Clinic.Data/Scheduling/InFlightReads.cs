using System.Collections.Concurrent;
using System.Diagnostics;

namespace Clinic.Data.Scheduling;

/// <summary>
/// Lets callers that ask the same question after the same change share one database read. After a
/// booking, every open page of that doctor re-queries: with a thousand pages open their re-queries
/// arrive over a second, long after a 2 ms read has finished, so a read done since the latest
/// committed change also answers the pages re-querying because of it, until the next change (or two
/// seconds, for a write no change announced). A read started before the latest
/// committed change is never shared with a caller that arrives after it. While another instance's
/// changes may go unheard (the relay is down), only reads still running are shared.
/// </summary>
/// <param name="maxAge">The longest a finished read answers later callers, however quiet the clinic (2 s).</param>
internal sealed class InFlightReads<TKey, TValue>(TimeSpan? maxAge = null) where TKey : notnull
{
    private readonly TimeSpan maxAge = maxAge ?? TimeSpan.FromSeconds(2);

    private const int MaxKept = 2_000;

    private readonly ConcurrentDictionary<(TKey Key, long Generation), Shared> reads = new();
    private long generation;
    private volatile bool everyChangeHeard = true;

    /// <summary>Called after a change is committed and before it is announced.</summary>
    public void Changed()
    {
        Interlocked.Increment(ref generation);
        reads.Clear(); // reads still running finish for their own callers
    }

    /// <summary>False while changes made elsewhere may go unheard: finished reads then answer no one else.</summary>
    public void HearsEveryChange(bool value)
    {
        everyChangeHeard = value;
        if (!value)
            reads.Clear();
    }

    /// <param name="finishedToo">
    /// A page re-querying because of an announced change: a read finished since that change answers
    /// it too. Otherwise (a page opening, the API) only a read still running is joined.
    /// </param>
    public Task<TValue> ReadAsync(TKey key, Func<Task<TValue>> read, CancellationToken cancellationToken, bool finishedToo = false)
    {
        var slot = (key, Interlocked.Read(ref generation));
        var shared = reads.AddOrUpdate(slot,
            s => Create(s, read),
            (s, existing) => existing.Running || (finishedToo && existing.Answers) ? existing : Create(s, read));
        if (reads.Count > MaxKept)
            reads.Clear();
        // One caller giving up must not cancel the read the others are waiting for.
        return shared.Read.Value.WaitAsync(cancellationToken);
    }

    private Shared Create((TKey, long) slot, Func<Task<TValue>> read)
    {
        Shared? shared = null;
        shared = new Shared(() => RunAsync(slot, shared!, read), maxAge);
        return shared;
    }

    private async Task<TValue> RunAsync((TKey, long) slot, Shared self, Func<Task<TValue>> read)
    {
        try
        {
            var value = await read();
            if (everyChangeHeard)
                self.Finished();
            else
                reads.TryRemove(KeyValuePair.Create(slot, self));
            return value;
        }
        catch
        {
            reads.TryRemove(KeyValuePair.Create(slot, self));
            throw;
        }
    }

    private sealed class Shared(Func<Task<TValue>> run, TimeSpan maxAge)
    {
        private long finishedAt;

        public Lazy<Task<TValue>> Read { get; } = new(run);

        /// <summary>Still running, or finished less than the longest age ago.</summary>
        public bool Answers
        {
            get
            {
                var at = Interlocked.Read(ref finishedAt);
                return at == 0 || Stopwatch.GetElapsedTime(at) < maxAge;
            }
        }

        public bool Running => Interlocked.Read(ref finishedAt) == 0;

        public void Finished() => Interlocked.Exchange(ref finishedAt, Stopwatch.GetTimestamp());
    }
}
