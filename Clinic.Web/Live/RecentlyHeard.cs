namespace Clinic.Web.Live;

/// <summary>
/// The relayed event numbers heard lately from each instance, to drop a second copy of one. Pub/sub
/// handlers may run out of order, so this remembers a window of numbers rather than the highest.
/// </summary>
internal sealed class RecentlyHeard(int window = 4096)
{
    private readonly Dictionary<string, (HashSet<long> Seen, Queue<long> Order)> byOrigin = [];

    /// <summary>True the first time a number from an origin is heard; 0 (an older instance's message) always counts as new.</summary>
    public bool First(string origin, long number)
    {
        if (number == 0)
            return true;
        lock (byOrigin)
        {
            if (!byOrigin.TryGetValue(origin, out var recent))
                byOrigin[origin] = recent = ([], new Queue<long>());
            if (!recent.Seen.Add(number))
                return false;
            recent.Order.Enqueue(number);
            if (recent.Order.Count > window)
                recent.Seen.Remove(recent.Order.Dequeue());
            return true;
        }
    }
}
