using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Clinic.Benchmarks;

/// <summary>What a full collection leaves: the heap's size, and the bytes of the objects still alive in it.</summary>
/// <param name="HeapBytes">The GC heap after the collection, free space between objects included.</param>
/// <param name="ObjectBytes">The live objects alone: the heap less the free space a sweeping (not compacting) collection leaves.</param>
public sealed record HeapReading(long HeapBytes, long ObjectBytes);

/// <summary>
/// The server's live managed heap: asks its runtime over the diagnostics port (as dotnet-gcdump does)
/// for a full blocking collection and reads what that collection leaves. Unlike the working set it
/// counts neither garbage not yet collected nor memory the GC keeps committed for later. A full
/// collection may sweep instead of compacting, which leaves the dead objects' room as free space in
/// the heap's size (some 20 MB with 200 circuits in most runs, none in the others), so the
/// reading also gives the objects' own bytes, summed from each heap's per-generation history: that
/// one is what the open pages hold.
/// </summary>
public static class LiveHeap
{
    public static async Task<HeapReading?> AfterFullCollectionAsync(int processId, TimeSpan timeout)
    {
        var client = new DiagnosticsClient(processId);
        // GCHeapCollect makes the runtime collect the whole heap when the session starts; GC reports the sizes after it.
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = client.StartEventPipeSession([new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)], requestRundown: false);
        var reading = new TaskCompletionSource<HeapReading>(TaskCreationOptions.RunContinuationsAsynchronously);
        var induced = false;
        long objects = 0;
        using var source = new EventPipeEventSource(session.EventStream);
        source.Clr.GCStart += e => induced |= e.Reason == GCReason.Induced && e.Depth == 2;
        // One per GC heap, before the collection's heap stats.
        source.Clr.GCPerHeapHistory += e =>
        {
            if (!induced)
                return;
            // Generations 0, 1 and 2, the large and the pinned object heaps (the event's entries past those are not sizes).
            for (var generation = Gens.Gen0; generation <= Gens.GenPinObj && (int)generation < e.EntriesInGenData; generation++)
                objects += e.GenData(generation).ObjSizeAfter;
        };
        source.Clr.GCHeapStats += e =>
        {
            if (induced)
                reading.TrySetResult(new HeapReading(e.TotalHeapSize, objects));
        };
        var processing = Task.Run(source.Process);
        var answered = await Task.WhenAny(reading.Task, Task.Delay(timeout)) == reading.Task;
        await session.StopAsync(CancellationToken.None);
        await processing;
        return answered ? reading.Task.Result : null;
    }
}
