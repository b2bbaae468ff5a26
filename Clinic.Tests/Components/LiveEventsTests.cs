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

    [Fact]
    public async Task A_re_query_starts_only_after_the_one_before_it_ended_so_an_older_read_never_lands_last_and_one_waits_for_all_later_changes()
    {
        var clock = new FakeTimeProvider();
        await using var context = MudTestContext.Create(out var hub, clock);
        var page = context.Render<SlowReloadHost>();
        var (first, second) = (new TaskCompletionSource(), new TaskCompletionSource());
        page.Instance.Gates.Enqueue(first);
        page.Instance.Gates.Enqueue(second);

        hub.Publish(new TeamChanged("u1"));
        clock.Advance(LiveEvents<ClinicEvent>.CoalesceWindow);
        page.WaitForAssertion(() => page.Instance.Steps.Should().Equal("start 1"));
        // Later changes while the first reload still reads: one reload waits for that one, for them all.
        hub.Publish(new TeamChanged("u1"));
        clock.Advance(LiveEvents<ClinicEvent>.CoalesceWindow);
        hub.Publish(new TeamChanged("u1"));
        clock.Advance(LiveEvents<ClinicEvent>.CoalesceWindow);
        await Task.Delay(50);
        page.Instance.Steps.Should().Equal("start 1");

        await page.InvokeAsync(first.SetResult);
        page.WaitForAssertion(() => page.Instance.Steps.Should().Equal("start 1", "end 1", "start 2"));
        await page.InvokeAsync(second.SetResult);
        page.WaitForAssertion(() => page.Instance.Steps.Should().Equal("start 1", "end 1", "start 2", "end 2"));
        clock.Advance(LiveEvents<ClinicEvent>.CoalesceWindow * 5);
        await Task.Delay(50);
        page.Instance.Steps.Should().HaveCount(4, "the third change was read by the second reload");
    }
}
