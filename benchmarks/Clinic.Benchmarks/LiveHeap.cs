using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Clinic.Benchmarks;

/// <summary>
/// The server's live managed heap: asks its runtime over the diagnostics port (as dotnet-gcdump does)
/// for a full blocking collection and reads the heap size that collection leaves. Unlike the working
/// set it counts neither garbage not yet collected nor memory the GC keeps committed for later, so it
/// says what the open pages themselves hold.
/// </summary>
public static class LiveHeap
{
    public static async Task<long?> AfterFullCollectionAsync(int processId, TimeSpan timeout)
    {
        var client = new DiagnosticsClient(processId);
        // GCHeapCollect makes the runtime collect the whole heap when the session starts; GC reports the sizes after it.
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = client.StartEventPipeSession([new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)], requestRundown: false);
        var size = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var induced = false;
        using var source = new EventPipeEventSource(session.EventStream);
        source.Clr.GCStart += e => induced |= e.Reason == GCReason.Induced && e.Depth == 2;
        source.Clr.GCHeapStats += e =>
        {
            if (induced)
                size.TrySetResult(e.TotalHeapSize);
        };
        var reading = Task.Run(source.Process);
        var answered = await Task.WhenAny(size.Task, Task.Delay(timeout)) == size.Task;
        await session.StopAsync(CancellationToken.None);
        await reading;
        return answered ? size.Task.Result : null;
    }
}
