using Clinic.Data.Feeds;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Clinic.Domain.Feeds;
using Clinic.Web.Feeds;
using Ical.Net;

namespace Clinic.Tests.Web;

/// <summary>A subscription calendar read back by Ical.Net, as a calendar app reads it, across both daylight-saving changes.</summary>
public sealed class CalendarFeedWriterTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static FeedEntry Visit(DateTime startUtc, int minutes) =>
        new(Guid.NewGuid(), startUtc, startUtc.AddMinutes(minutes), AppointmentStatus.Confirmed, "Dr. Claire Martin", "Louis Bernard", "Clinique du Parc", 1);

    [Fact]
    public void Visits_in_the_repeated_autumn_hour_and_across_the_spring_gap_read_back_at_their_instants()
    {
        var visits = new[]
        {
            Visit(new DateTime(2027, 10, 31, 0, 30, 0, DateTimeKind.Utc), 30), // first 02:30, ends at the second 02:00
            Visit(new DateTime(2027, 10, 31, 1, 30, 0, DateTimeKind.Utc), 30), // second 02:30
            Visit(new DateTime(2027, 3, 28, 0, 30, 0, DateTimeKind.Utc), 60),  // 01:30 to 03:30 across the skipped hour
        };

        var calendar = Calendar.Load(CalendarFeedWriter.Write(new FeedContent(FeedSubjectKind.Doctor, "Dr. Claire Martin", "Europe/Paris", visits), DateTimeOffset.UtcNow))!;

        calendar.Events.Should().HaveCount(3);
        foreach (var visit in visits)
        {
            var read = calendar.Events.Single(e => e.Uid == $"{visit.AppointmentId:N}@clinic");
            read.DtStart!.AsUtc.Should().Be(visit.StartUtc);
            read.DtEnd!.AsUtc.Should().Be(visit.EndUtc);
        }
    }

    [Fact]
    public void The_pages_label_a_slot_in_the_repeated_hour_with_its_offsets_and_others_plainly()
    {
        ClinicTime.Span(new DateTime(2027, 10, 31, 0, 30, 0, DateTimeKind.Utc), new DateTime(2027, 10, 31, 1, 0, 0, DateTimeKind.Utc), Paris)
            .Should().Be("02:30 (UTC+2)–02:00 (UTC+1)");
        ClinicTime.Span(new DateTime(2027, 10, 31, 1, 30, 0, DateTimeKind.Utc), new DateTime(2027, 10, 31, 2, 0, 0, DateTimeKind.Utc), Paris)
            .Should().Be("02:30 (UTC+1)–03:00 (UTC+1)");
        ClinicTime.Span(new DateTime(2027, 10, 31, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 10, 31, 8, 30, 0, DateTimeKind.Utc), Paris)
            .Should().Be("09:00–09:30");
        ClinicTime.Span(new DateTime(2027, 3, 28, 0, 30, 0, DateTimeKind.Utc), new DateTime(2027, 3, 28, 1, 30, 0, DateTimeKind.Utc), Paris)
            .Should().Be("01:30–03:30", "the spring gap repeats nothing: the clock alone is clear");
    }
}
