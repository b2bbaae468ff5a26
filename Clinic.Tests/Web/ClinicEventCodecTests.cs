using Clinic.Domain.Events;
using Clinic.Web.Live;

namespace Clinic.Tests.Web;

public sealed class ClinicEventCodecTests
{
    private static readonly ClinicEvent[] All =
    [
        new DoctorProfileChanged(Guid.NewGuid()),
        new TeamChanged("user-1"),
        new PatientChanged("user-2"),
        new AvailabilityChanged(Guid.NewGuid()),
        new AppointmentChanged(Guid.NewGuid(), Guid.NewGuid(), "patient-3"),
        new NotificationsChanged("user-4"),
        new ConversationChanged("patient-5"),
        new WaitlistChanged(Guid.NewGuid(), "patient-6"),
        new DeliveryRecorded(Guid.NewGuid()),
        new SeatsMayHaveFreed(Guid.NewGuid()),
        new PresenceAnnounced(Guid.NewGuid(), "tab-1", "user-1", "Sadia Islam", true),
        new AppointmentTypesChanged(),
        new ClinicProfileChanged(),
    ];

    public static TheoryData<ClinicEvent> Events => new(All);

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_event_crosses_the_relay_as_itself_with_its_origin(ClinicEvent clinicEvent)
    {
        var decoded = ClinicEventCodec.Decode(ClinicEventCodec.Encode("instance-a", 42, clinicEvent));

        decoded.Should().NotBeNull();
        decoded!.Value.Origin.Should().Be("instance-a");
        decoded.Value.Number.Should().Be(42);
        decoded.Value.Event.Should().Be(clinicEvent);
    }

    [Fact]
    public void An_event_this_version_does_not_know_is_ignored_not_fatal() =>
        ClinicEventCodec.Decode("""{"Origin":"instance-b","Type":"SomethingNewer","Event":{"Id":"x"}}""").Should().BeNull();

    [Fact]
    public void A_copy_of_a_relayed_event_delivered_twice_is_heard_once_and_others_are_not_lost()
    {
        var heard = new RecentlyHeard(window: 3);

        new[] { heard.First("a", 1), heard.First("a", 1), heard.First("b", 1), heard.First("a", 3), heard.First("a", 2), heard.First("a", 3) }
            .Should().Equal(true, false, true, true, true, false);
    }

    [Fact]
    public void Every_kind_of_event_is_covered_above()
    {
        var kinds = typeof(ClinicEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ClinicEvent)) && !t.IsAbstract);
        All.Select(e => e.GetType()).Should().BeEquivalentTo(kinds);
    }
}
