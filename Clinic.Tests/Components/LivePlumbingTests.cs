using Bunit;
using Clinic.Data.Doctors;
using Clinic.Data.Overview;
using Clinic.Data.Scheduling;
using Clinic.Domain.Events;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages.Doctors;
using Clinic.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Components;

public sealed class LivePlumbingTests
{
    [Fact]
    public async Task A_burst_of_a_hundred_events_within_one_window_causes_one_requery()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var context = MudTestContext.Create(out var hub, clock);
        var page = context.Render<LiveCounterHost>();

        for (var i = 0; i < 100; i++)
            hub.Publish(new TeamChanged($"user-{i}"));
        clock.Advance(Clinic.Web.Components.Live.LiveEvents<ClinicEvent>.CoalesceWindow);

        page.WaitForAssertion(() => page.Instance.Count.Should().Be(1));
        clock.Advance(Clinic.Web.Components.Live.LiveEvents<ClinicEvent>.CoalesceWindow * 10);
        page.Instance.Count.Should().Be(1);
    }

    [Fact]
    public async Task The_last_event_of_a_burst_is_never_lost()
    {
        await using var context = MudTestContext.Create(out var hub);
        var page = context.Render<LiveCounterHost>();
        hub.Publish(new TeamChanged("first"));
        page.WaitForAssertion(() => page.Instance.Count.Should().Be(1));

        hub.Publish(new TeamChanged("second"));

        page.WaitForAssertion(() => page.Instance.Count.Should().Be(2), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_page_requeries_when_its_circuit_reconnects()
    {
        await using var context = MudTestContext.Create(out _);
        var circuit = context.Services.GetRequiredService<LiveCircuit>();
        var page = context.Render<LiveCounterHost>();
        await circuit.OnConnectionUpAsync(null!, default);
        page.Instance.Count.Should().Be(0, "the first connection is the page loading");

        await circuit.OnConnectionDownAsync(null!, default);
        await circuit.OnConnectionUpAsync(null!, default);

        page.WaitForAssertion(() => page.Instance.Count.Should().Be(1));
    }

    [Fact]
    public async Task One_page_failing_to_refresh_does_not_stop_the_others()
    {
        await using var broken = MudTestContext.Create(out var hub);
        await using var other = MudTestContext.Create(hub);
        broken.Render<ThrowingHost>();
        var healthy = other.Render<LiveCounterHost>();

        hub.Publish(new TeamChanged("u1"));

        healthy.WaitForAssertion(() => healthy.Instance.Count.Should().Be(1), TimeSpan.FromSeconds(5)); // a loaded machine may take more than bUnit's one second
    }

    [Fact]
    public async Task A_thousand_visits_to_a_doctor_s_page_leave_no_subscriber_behind()
    {
        await using var data = new DataHarness();
        await data.InitializeAsync();
        var doctorId = await data.DoctorIdAsync("farhana.rahman@gomoti.example");
        await using var context = MudTestContext.Create(out var hub);
        context.Services.AddSingleton(data.Get<DoctorDirectory>());
        context.Services.AddSingleton(data.Get<AvailabilityQueries>());
        context.Services.AddSingleton(data.Get<Clinic.Data.Types.AppointmentTypes>());
        context.AddAuthorization();
        context.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var circuit = context.Services.GetRequiredService<LiveCircuit>();
        var before = hub.SubscriberCount;

        for (var visit = 0; visit < 1000; visit++)
        {
            var page = context.Render<DoctorPageLive>(p => p.Add(d => d.DoctorId, doctorId));
            if (visit == 0)
                page.WaitForAssertion(() => hub.SubscriberCount.Should().Be(before + 2));
            await context.DisposeComponentsAsync();
        }

        hub.SubscriberCount.Should().Be(before);
        var handlers = typeof(LiveCircuit).GetField("Reconnected", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(circuit);
        handlers.Should().BeNull("every page also let go of the reconnect signal");
    }
}
