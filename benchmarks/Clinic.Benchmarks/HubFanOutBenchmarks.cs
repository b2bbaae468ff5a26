using BenchmarkDotNet.Attributes;
using Clinic.Domain.Events;
using Clinic.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clinic.Benchmarks;

/// <summary>
/// The in-process hub alone: one event fanned out to N subscribers. Half of them watch the doctor
/// the event is about (their handler runs), half watch another doctor (their filter says no), as on
/// a busy day where open pages are spread over the doctors.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class HubFanOutBenchmarks
{
    private readonly ClinicEventHub hub = new(NullLogger<ClinicEventHub>.Instance);
    private readonly AvailabilityChanged change = new(Guid.NewGuid());
    private readonly List<IDisposable> subscriptions = [];
    private int delivered;

    [Params(100, 10_000)]
    public int Subscribers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var other = Guid.NewGuid();
        for (var i = 0; i < Subscribers; i++)
        {
            var watched = i % 2 == 0 ? change.DoctorId : other;
            subscriptions.Add(hub.Subscribe(e => e is AvailabilityChanged a && a.DoctorId == watched, _ =>
            {
                Interlocked.Increment(ref delivered);
                return Task.CompletedTask;
            }));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var subscription in subscriptions)
            subscription.Dispose();
    }

    [Benchmark]
    public void PublishOneEvent() => hub.Publish(change);
}
