using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Clinic.Benchmarks;

/// <summary>
/// The app's console lines "Sending render batch N of size S bytes to client C." (Blazor's
/// RemoteRenderer, at Debug), kept with their UTC timestamps: when each circuit's batch left the server.
/// </summary>
internal static partial class ServerSends
{
    private static readonly ConcurrentQueue<(DateTime At, string Connection)> Heard = new();

    public static void Hear(string line)
    {
        var match = SendLine().Match(line);
        if (match.Success)
            Heard.Enqueue((DateTime.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), match.Groups[2].Value));
    }

    public static void Clear() => Heard.Clear();

    /// <summary>Milliseconds from <paramref name="sinceUtc"/> to each connection's first batch after it, in order.</summary>
    public static List<double> FirstPerConnectionAfter(DateTime sinceUtc) =>
        [.. Heard.Where(h => h.At >= sinceUtc).GroupBy(h => h.Connection).Select(g => (g.Min(h => h.At) - sinceUtc).TotalMilliseconds).Order()];

    [GeneratedRegex(@"^(\S+) dbug: Microsoft\.AspNetCore\.Components\.Server\.Circuits\.RemoteRenderer\[\d+\] Sending render batch \d+ of size \d+ bytes to client (\S+)\.")]
    private static partial Regex SendLine();
}
