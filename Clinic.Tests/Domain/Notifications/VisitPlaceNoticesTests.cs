using Clinic.Domain.Notifications;

namespace Clinic.Tests.Domain.Notifications;

/// <summary>A patient whose coming visits are somewhere else now hears it once per doctor, with the times and the new place.</summary>
public sealed class VisitPlaceNoticesTests
{
    private const string Place = "Gomoti Hospital, Uttara branch, House 7, Road 11, Sector 4, Uttara, Dhaka 1230";
    private static readonly Guid First = Guid.NewGuid();

    [Fact]
    public void One_visit_is_named_with_its_time_and_links_to_it_by_email_too()
    {
        var notice = VisitPlaceNotices.For("ayesha", "Dr. Imran Hossain", [new ComingVisit(First, "Tue 8 Dec 2026, 10:00")], Place)!;

        notice.Should().Be(new Notice("ayesha", NotificationKind.AppointmentUpdate, "New address for your visit",
            $"Your appointment with Dr. Imran Hossain on Tue 8 Dec 2026, 10:00 is now at {Place}.", $"/appointments/{First}", true));
    }

    [Fact]
    public void Many_visits_are_one_notice_naming_the_first_three_and_how_many_more()
    {
        var visits = Enumerable.Range(1, 5).Select(week => new ComingVisit(Guid.NewGuid(), $"Tue {week * 7} Dec 2026, 10:00")).ToList();

        var notice = VisitPlaceNotices.For("rahim", "Dr. Imran Hossain", visits, Place)!;

        notice.Title.Should().Be("New address for your visits");
        notice.Text.Should().Be($"Your 5 coming appointments with Dr. Imran Hossain (Tue 7 Dec 2026, 10:00; Tue 14 Dec 2026, 10:00; Tue 21 Dec 2026, 10:00 and 2 more) are now at {Place}.");
        notice.Link.Should().Be("/patient/appointments");
        VisitPlaceNotices.For("rahim", "Dr. Imran Hossain", [], Place).Should().BeNull();
    }
}
