using Clinic.Domain.Events;
using Clinic.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Tests.Web;

/// <summary>Who has an appointment open, across two app instances joined by a relay (Redis in production, a list here).</summary>
public sealed class AppointmentPresenceTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly Relay relay = new();
    private readonly AppointmentPresence first;
    private readonly AppointmentPresence second;
    private static readonly Guid Appointment = Guid.NewGuid();

    public AppointmentPresenceTests()
    {
        first = relay.Instance(clock);
        second = relay.Instance(clock);
    }

    public void Dispose()
    {
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public void Two_people_on_two_instances_see_each_other_whoever_came_first()
    {
        using var sadia = first.Look(Appointment, "sadia", "Sadia Islam");
        using var karim = second.Look(Appointment, "karim", "Karim Uddin");

        first.Viewers(Appointment).Select(v => v.Name).Should().BeEquivalentTo(["Sadia Islam", "Karim Uddin"]);
        second.Viewers(Appointment).Select(v => v.Name).Should().BeEquivalentTo(["Sadia Islam", "Karim Uddin"], "the newcomer hears from who was there before");
        first.Viewers(Guid.NewGuid()).Should().BeEmpty("presence is per appointment");
    }

    [Fact]
    public void Closing_the_page_leaves_at_once()
    {
        using var sadia = first.Look(Appointment, "sadia", "Sadia Islam");
        var karim = second.Look(Appointment, "karim", "Karim Uddin");

        karim.Dispose();

        first.Viewers(Appointment).Select(v => v.Name).Should().Equal("Sadia Islam");
        second.Viewers(Appointment).Select(v => v.Name).Should().Equal("Sadia Islam");
    }

    [Fact]
    public void A_viewer_whose_instance_went_silent_is_dropped_while_live_ones_stay()
    {
        using var sadia = first.Look(Appointment, "sadia", "Sadia Islam");
        using var karim = second.Look(Appointment, "karim", "Karim Uddin");
        relay.Mute(second); // the second instance dies without saying goodbye

        clock.Advance(AppointmentPresence.Expiry + AppointmentPresence.Heartbeat);

        first.Viewers(Appointment).Select(v => v.Name).Should().Equal(["Sadia Islam"], "the first instance's own heartbeat keeps Sadia");
    }

    /// <summary>Delivers every announcement to every instance's hub, as the Redis relay does.</summary>
    private sealed class Relay
    {
        private readonly List<(ClinicEventHub Hub, AppointmentPresence Presence)> instances = [];
        private readonly HashSet<AppointmentPresence> muted = [];

        public AppointmentPresence Instance(TimeProvider clock)
        {
            var hub = new ClinicEventHub(NullLogger<ClinicEventHub>.Instance);
            var sender = new Sender(this);
            var presence = new AppointmentPresence(sender, hub, clock);
            sender.Owner = presence;
            instances.Add((hub, presence));
            return presence;
        }

        public void Mute(AppointmentPresence presence) => muted.Add(presence);

        private void From(AppointmentPresence sender, ClinicEvent clinicEvent)
        {
            if (muted.Contains(sender))
                return;
            foreach (var (hub, _) in instances.ToList())
                hub.Publish(clinicEvent);
        }

        private sealed class Sender(Relay relay) : IClinicEvents
        {
            public AppointmentPresence? Owner { get; set; }

            public void Publish(ClinicEvent clinicEvent) => relay.From(Owner!, clinicEvent);
        }
    }
}
