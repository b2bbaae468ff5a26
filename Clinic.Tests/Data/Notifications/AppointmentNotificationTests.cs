using Clinic.Data.Booking;
using Clinic.Data.Notifications;
using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Events;
using Clinic.Domain.Messaging;
using Clinic.Domain.Notifications;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Tests.Data.Notifications;

/// <summary>The use cases tell the people an appointment concerns, in the same transaction as the change.</summary>
public sealed class AppointmentNotificationTests : IAsyncLifetime
{
    private readonly DataHarness harness = new();
    private ClinicPeople people = null!;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        people = await ClinicPeople.LoadAsync(harness);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private NotificationCenter Center => harness.Get<NotificationCenter>();
    private BookingService Booking => harness.Get<BookingService>();

    private async Task<IReadOnlyList<NotificationView>> InboxAsync(AppointmentActor who) =>
        (await Center.PageAsync(who.Actor, 0, 50)).Items;

    private async Task<List<OutboxMessage>> OutboxAsync(Guid appointmentId)
    {
        await using var db = await harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().Where(m => m.AppointmentId == appointmentId).ToListAsync();
    }

    [Fact]
    public async Task A_new_request_reaches_every_staff_member_the_owner_and_the_doctor_but_not_the_patient_who_made_it()
    {
        var id = await people.RequestAsync(harness, ClinicPeople.WednesdayNine);

        foreach (var clinicUser in new[] { people.Sadia, people.Karim, people.Owner })
        {
            var inbox = await InboxAsync(clinicUser);
            inbox.Should().ContainSingle().Which.Should().Match<NotificationView>(n =>
                n.Title == "New request to confirm" && n.Link == $"/appointments/{id}" && !n.IsRead
                && n.Text.Contains("Ayesha") && n.Text.Contains("Wed 25 Nov 2026, 09:00"));
        }
        (await InboxAsync(people.Tanvir)).Should().ContainSingle().Which.Title.Should().Be("New booking");
        (await InboxAsync(people.Ayesha)).Should().BeEmpty();
        harness.Events.Published.OfType<NotificationsChanged>().Select(e => e.UserId)
            .Should().BeEquivalentTo([people.Sadia.UserId, people.Karim.UserId, people.Owner.UserId, people.Tanvir.UserId]);
    }

    [Fact]
    public async Task Confirming_tells_the_patient_in_the_bell_and_by_email_with_a_calendar_entry_and_schedules_the_reminder()
    {
        var id = await people.RequestAsync(harness, ClinicPeople.WednesdayNine);

        (await Booking.ConfirmAsync(people.Sadia, id, null)).Succeeded.Should().BeTrue();

        var notice = (await InboxAsync(people.Ayesha)).Should().ContainSingle().Subject;
        notice.Title.Should().Be("Appointment confirmed");
        notice.Kind.Should().Be(NotificationKind.AppointmentUpdate);
        notice.Link.Should().Be($"/appointments/{id}");
        var outbox = await OutboxAsync(id);
        outbox.Should().ContainSingle(m => m.Kind == OutboxKind.AppointmentEmail).Which.Calendar.Should().Be(CalendarAttachment.Booked);
        outbox.Should().ContainSingle(m => m.Kind == OutboxKind.Reminder).Which.DueUtc.Should().Be(ClinicPeople.WednesdayNine.AddHours(-24));
        (await Center.SummaryAsync(people.Ayesha.Actor)).Unread.Should().Be(1);
    }

    [Fact]
    public async Task A_cancellation_gives_the_patient_the_reason_and_withdraws_the_reminder()
    {
        var id = await people.BookConfirmedAsync(harness, ClinicPeople.WednesdayNine);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));

        (await Booking.CancelAsync(people.Karim, id, null, "Dr. Tanvir is at a conference.")).Succeeded.Should().BeTrue();

        (await InboxAsync(people.Ayesha)).Select(n => n.Title).Should().Equal("Appointment cancelled", "Appointment booked");
        (await InboxAsync(people.Ayesha))[0].Text.Should().EndWith("Reason: Dr. Tanvir is at a conference.");
        var outbox = await OutboxAsync(id);
        outbox.Single(m => m.Kind == OutboxKind.Reminder).Status.Should().Be(DeliveryStatus.Cancelled);
        outbox.Where(m => m.Kind == OutboxKind.AppointmentEmail).Select(m => m.Calendar).Should().BeEquivalentTo([CalendarAttachment.Booked, CalendarAttachment.Cancelled]);
        (await InboxAsync(people.Tanvir)).Select(n => n.Title).Should().Contain("Booking cancelled");
    }

    [Fact]
    public async Task A_move_replaces_the_reminder_and_moving_back_revives_the_first_one_rather_than_writing_a_second()
    {
        var id = await people.BookConfirmedAsync(harness, ClinicPeople.WednesdayNine);
        var later = ClinicPeople.WednesdayNine.AddMinutes(30);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));

        (await Booking.RescheduleAsync(people.Sadia, id, null, later)).Succeeded.Should().BeTrue();
        var afterMove = (await OutboxAsync(id)).Where(m => m.Kind == OutboxKind.Reminder).ToList();
        afterMove.Should().HaveCount(2);
        afterMove.Single(m => m.Status == DeliveryStatus.Pending).AppointmentStartUtc.Should().Be(later);
        (await InboxAsync(people.Ayesha))[0].Text.Should().Contain("moved from Wed 25 Nov 2026, 09:00 to Wed 25 Nov 2026, 09:30");

        (await Booking.RescheduleAsync(people.Sadia, id, null, ClinicPeople.WednesdayNine)).Succeeded.Should().BeTrue();
        var reminders = (await OutboxAsync(id)).Where(m => m.Kind == OutboxKind.Reminder).ToList();
        reminders.Should().HaveCount(2);
        reminders.Single(m => m.Status == DeliveryStatus.Pending).AppointmentStartUtc.Should().Be(ClinicPeople.WednesdayNine);
    }

    [Fact]
    public async Task Nobody_hears_about_their_own_action()
    {
        var id = await people.BookConfirmedAsync(harness, ClinicPeople.WednesdayNine);

        (await InboxAsync(people.Sadia)).Should().BeEmpty();
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        (await Booking.CancelAsync(people.Ayesha, id, null, null)).Succeeded.Should().BeTrue();

        (await InboxAsync(people.Ayesha)).Select(n => n.Title).Should().Equal("Appointment booked");
        (await InboxAsync(people.Sadia)).Select(n => n.Title).Should().Equal("Patient cancelled");
    }

    [Fact]
    public async Task A_person_cannot_read_or_mark_another_persons_notifications()
    {
        var id = await people.RequestAsync(harness, ClinicPeople.WednesdayNine);
        (await Booking.ConfirmAsync(people.Sadia, id, null)).Succeeded.Should().BeTrue();
        var ayeshas = (await InboxAsync(people.Ayesha)).Single();

        (await Center.PageAsync(people.Rahim.Actor, 0, 50)).Items.Should().BeEmpty();
        (await Center.SummaryAsync(people.Rahim.Actor)).Unread.Should().Be(0);
        var refused = await Center.MarkReadAsync(people.Rahim.Actor, ayeshas.Id);
        (await Center.MarkAllReadAsync(people.Rahim.Actor)).Should().Be(0);

        refused.Error.Should().Be(NotificationCenter.NotYours);
        (await InboxAsync(people.Ayesha)).Single().IsRead.Should().BeFalse();
    }

    [Fact]
    public async Task Marking_one_and_then_all_read_brings_the_unread_count_to_zero_and_paging_walks_newest_first()
    {
        for (var i = 0; i < 3; i++)
        {
            await people.RequestAsync(harness, ClinicPeople.WednesdayNine.AddMinutes(30 * i));
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var first = (await InboxAsync(people.Sadia))[0];

        (await Center.MarkReadAsync(people.Sadia.Actor, first.Id)).Succeeded.Should().BeTrue();
        (await Center.SummaryAsync(people.Sadia.Actor)).Unread.Should().Be(2);
        (await Center.PageAsync(people.Sadia.Actor, 0, 2, unreadOnly: true)).Total.Should().Be(2);
        var secondPage = await Center.PageAsync(people.Sadia.Actor, 1, 2);
        secondPage.Total.Should().Be(3);
        secondPage.Items.Should().ContainSingle().Which.Text.Should().Contain("09:00");

        (await Center.MarkAllReadAsync(people.Sadia.Actor)).Should().Be(2);
        (await Center.SummaryAsync(people.Sadia.Actor)).Unread.Should().Be(0);
    }
}
