using Bunit;
using Clinic.Domain.Events;
using Clinic.Tests.Support;
using Clinic.Web.Components.Live;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Tests.Components;

public sealed class LiveEventsTests
{
    [Fact]
    public async Task A_page_re_renders_when_an_event_it_listens_for_is_published()
    {
        await using var context = MudTestContext.Create(out var hub);
        var page = context.Render<LiveCounterHost>();

        hub.Publish(new TeamChanged("u1"));

        page.WaitForAssertion(() => page.Find("#count").TextContent.Should().Be("1"));
    }

    [Fact]
    public async Task A_page_ignores_events_its_filter_rejects()
    {
        var clock = new FakeTimeProvider();
        await using var context = MudTestContext.Create(out var hub, clock);
        var page = context.Render<LiveCounterHost>(p => p.Add(h => h.Only, "mine"));

        hub.Publish(new TeamChanged("someone-else"));
        hub.Publish(new DoctorProfileChanged(Guid.NewGuid()));
        hub.Publish(new TeamChanged("mine"));
        clock.Advance(LiveEvents<ClinicEvent>.CoalesceWindow);

        page.WaitForAssertion(() => page.Find("#count").TextContent.Should().Be("1"));
        clock.Advance(LiveEvents<ClinicEvent>.CoalesceWindow);
        page.Instance.Count.Should().Be(1);
    }

    [Fact]
    public async Task A_disposed_page_no_longer_receives_events_and_leaves_no_subscription()
    {
        var clock = new FakeTimeProvider();
        await using var context = MudTestContext.Create(out var hub, clock);
        var page = context.Render<LiveCounterHost>().Instance;
        hub.SubscriberCount.Should().Be(1);

        await context.DisposeComponentsAsync();
        hub.Publish(new TeamChanged("u1"));
        clock.Advance(LiveEvents<ClinicEvent>.CoalesceWindow);

        hub.SubscriberCount.Should().Be(0);
        page.Count.Should().Be(0);
    }

    [Fact]
    public async Task Opening_and_closing_a_live_page_many_times_leaks_no_subscriber()
    {
        await using var context = MudTestContext.Create(out var hub);

        for (var i = 0; i < 200; i++)
        {
            context.Render<LiveCounterHost>();
            await context.DisposeComponentsAsync();
        }

        hub.SubscriberCount.Should().Be(0);
    }
}
