using Clinic.Data.Feeds;
using Clinic.Data.Messaging;
using Clinic.Data.Persistence;
using Clinic.Data.Series;
using Clinic.Domain.Feeds;
using Clinic.Domain.Series;
using Clinic.Tests.Support;
using Clinic.Web.Email;
using Clinic.Web.Feeds;
using Ical.Net;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Tests.Data.Series;

/// <summary>
/// A weekly series across the spring change in a clinic in Paris: every visit stays at 09:00 on the
/// clinic's clock, and the email's and the calendar feed's .ics, parsed back, place each at its instant.
/// </summary>
public sealed class SeriesCalendarTests : DemoClinicTests
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var clinic = await db.Clinics.SingleAsync();
        clinic.Update(clinic.Name, clinic.Address, "Europe/Paris").Succeeded.Should().BeTrue();
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Each_visit_of_a_series_over_the_spring_change_is_at_nine_in_paris_in_the_email_and_the_feed()
    {
        // Wednesday 24 March 2027, 09:00 in Paris (08:00 UTC); the clocks go forward on Sunday 28 March.
        var request = new SeriesRequest(People.TanvirId, People.Ayesha.UserId, new DateTime(2027, 3, 24, 8, 0, 0, DateTimeKind.Utc),
            new SeriesRule(SeriesFrequency.Weekly, 1, 3, null));
        var series = Harness.Get<SeriesBooking>();
        var preview = (await series.PreviewAsync(People.Sadia, request)).Value!;
        preview.Occurrences.Should().OnlyContain(o => o.Free && o.LocalStart!.Value.Hour == 9);

        var booked = await series.BookAsync(People.Sadia, request, [.. preview.Occurrences.Select(o => o.StartUtc!.Value)]);

        booked.Succeeded.Should().BeTrue(booked.Error);
        var expected = new[] { new DateTime(2027, 3, 24, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 31, 7, 0, 0, DateTimeKind.Utc), new DateTime(2027, 4, 7, 7, 0, 0, DateTimeKind.Utc) };
        var feeds = Harness.Get<CalendarFeeds>();
        var token = (await feeds.IssueAsync(await Harness.ActorAsync("ayesha@patients.example"), new FeedSubject(FeedSubjectKind.Patient, People.Ayesha.UserId))).Value!;
        var feed = Calendar.Load(CalendarFeedWriter.Write((await feeds.ReadAsync(token))!, DateTimeOffset.UtcNow))!;
        feed.Events.Select(e => e.DtStart!.AsUtc).Order().Should().Equal(expected);

        await Harness.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
        var email = Harness.Mail.Sent.Should().ContainSingle("the series is announced once").Subject;
        var invite = Calendar.Load(CalendarInvite.Build(email.Calendar!, "desk@gomoti.example", "Gomoti Hospital", DateTimeOffset.UtcNow))!;
        invite.Events.Single().DtStart!.AsUtc.Should().Be(expected[0]);
        email.Text.Should().Contain("Wed 24 Mar 2027, 09:00").And.Contain("the others: Wed 31 Mar 2027, 09:00; Wed 7 Apr 2027, 09:00.");
    }
}
