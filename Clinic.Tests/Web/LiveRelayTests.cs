using System.Collections.Concurrent;
using Clinic.Domain.Events;
using Clinic.Tests.Support;
using Clinic.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Web;

/// <summary>
/// Two app instances sharing live events through Redis: what one publishes reaches the other's
/// pages once and its own pages once; while Redis is gone each serves its own pages and reports
/// Degraded; when Redis is back every live page re-queries once.
/// </summary>
public sealed class LiveRelayTests
{
    private sealed class Instance(string redis, string channel) : ClinicAppFactory
    {
        protected override string Provider => Clinic.Data.Persistence.StorageProviders.Sqlite;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Clinic:Live:Redis"] = redis,
            ["Clinic:Live:Channel"] = channel,
        };

        public ClinicEventHub Hub => Services.GetRequiredService<ClinicEventHub>();
        public IClinicEvents Events => Services.GetRequiredService<IClinicEvents>();
        public RedisEventRelay Relay => Services.GetRequiredService<RedisEventRelay>();

        public async Task<string> HealthAsync() => await (await CreateClient().GetAsync("/healthz")).Content.ReadAsStringAsync();
    }

    /// <summary>What one page of an instance heard: events and re-queries after a gap.</summary>
    private sealed class Page : IDisposable
    {
        private readonly IDisposable subscription;

        public Page(ClinicEventHub hub) =>
            subscription = hub.Subscribe(e => e is AppointmentChanged, e =>
            {
                Heard.Enqueue(e);
                return Task.CompletedTask;
            }, () =>
            {
                Interlocked.Increment(ref resyncs);
                return Task.CompletedTask;
            });

        public ConcurrentQueue<ClinicEvent> Heard { get; } = new();
        private int resyncs;
        public int Resyncs => Volatile.Read(ref resyncs);

        public void Dispose() => subscription.Dispose();
    }

    private static AppointmentChanged Booking() => new(Guid.NewGuid(), Guid.NewGuid(), "patient-1");

    [Fact]
    public async Task An_event_published_on_one_instance_reaches_the_pages_of_both_once()
    {
        var channel = $"clinic:test:{Guid.NewGuid():N}";
        await using var a = new Instance(RedisProcess.SuiteRedis, channel);
        await using var b = new Instance(RedisProcess.SuiteRedis, channel);
        await Eventually.TrueAsync(() => Task.FromResult(a.Relay.IsRelaying && b.Relay.IsRelaying), "both instances on the relay");
        using var onA = new Page(a.Hub);
        using var onB = new Page(b.Hub);
        var booked = Booking();

        a.Events.Publish(booked);

        await Eventually.TrueAsync(() => Task.FromResult(onB.Heard.Count > 0), "the event on B");
        await Task.Delay(500); // room for a duplicate to show up
        onA.Heard.Should().Equal(booked);
        onB.Heard.Should().Equal(booked);
        (await a.HealthAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Without_Redis_each_instance_serves_its_own_pages_reports_degraded_and_every_page_re_queries_once_when_it_is_back()
    {
        using var redis = new RedisProcess();
        var channel = $"clinic:test:{Guid.NewGuid():N}";
        await using var a = new Instance(redis.Address, channel);
        await using var b = new Instance(redis.Address, channel);
        await Eventually.TrueAsync(() => Task.FromResult(a.Relay.IsRelaying && b.Relay.IsRelaying), "both instances on the relay");
        using var onA = new Page(a.Hub);
        using var onB = new Page(b.Hub);

        redis.Stop();
        await Eventually.TrueAsync(async () => await a.HealthAsync() == "Degraded" && await b.HealthAsync() == "Degraded", "both instances Degraded");
        var duringOutage = Booking();
        a.Events.Publish(duringOutage);
        await Task.Delay(300);
        onA.Heard.Should().Equal([duringOutage], "an instance keeps serving its own pages");
        onB.Heard.Should().BeEmpty("nothing carries the event while Redis is gone");

        redis.Start();
        await Eventually.TrueAsync(async () => await a.HealthAsync() == "Healthy" && await b.HealthAsync() == "Healthy", "both instances Healthy again");
        await Eventually.TrueAsync(() => Task.FromResult(onB.Resyncs > 0), "B's page re-querying");
        var afterwards = Booking();
        a.Events.Publish(afterwards);
        await Eventually.TrueAsync(() => Task.FromResult(onB.Heard.Contains(afterwards)), "the next event on B");

        onB.Resyncs.Should().Be(1, "one re-query covers the whole gap");
        onA.Resyncs.Should().Be(1);
        onB.Heard.Should().Equal(afterwards);
    }
}
