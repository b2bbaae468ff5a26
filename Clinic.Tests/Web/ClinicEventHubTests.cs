using Clinic.Domain.Events;
using Clinic.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clinic.Tests.Web;

public sealed class ClinicEventHubTests
{
    private readonly ClinicEventHub hub = new(NullLogger<ClinicEventHub>.Instance);

    [Fact]
    public async Task A_subscriber_hears_only_the_events_its_filter_accepts()
    {
        var heard = new List<ClinicEvent>();
        var wanted = Guid.NewGuid();
        using var _ = hub.Subscribe(e => e is DoctorProfileChanged d && d.DoctorId == wanted, e => { heard.Add(e); return Task.CompletedTask; });

        hub.Publish(new DoctorProfileChanged(Guid.NewGuid()));
        hub.Publish(new TeamChanged("someone"));
        hub.Publish(new DoctorProfileChanged(wanted));
        await Task.Delay(50);

        heard.Should().Equal(new DoctorProfileChanged(wanted));
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_stop_the_others()
    {
        var heard = new TaskCompletionSource<ClinicEvent>();
        using var failing = hub.Subscribe(_ => true, _ => throw new InvalidOperationException("page broke"));
        using var healthy = hub.Subscribe(_ => true, e => { heard.TrySetResult(e); return Task.CompletedTask; });

        hub.Publish(new TeamChanged("u1"));

        (await heard.Task.WaitAsync(TimeSpan.FromSeconds(5))).Should().Be(new TeamChanged("u1"));
    }

    [Fact]
    public async Task A_disposed_subscription_hears_nothing_and_is_removed()
    {
        var count = 0;
        var subscription = hub.Subscribe(_ => true, _ => { Interlocked.Increment(ref count); return Task.CompletedTask; });
        hub.SubscriberCount.Should().Be(1);

        subscription.Dispose();
        hub.Publish(new TeamChanged("u1"));
        await Task.Delay(50);

        count.Should().Be(0);
        hub.SubscriberCount.Should().Be(0);
    }

    [Fact]
    public void Subscribing_and_disposing_from_many_threads_leaves_no_subscriber_behind()
    {
        Parallel.For(0, 1000, _ => hub.Subscribe(_ => true, _ => Task.CompletedTask).Dispose());

        hub.SubscriberCount.Should().Be(0);
    }
}
