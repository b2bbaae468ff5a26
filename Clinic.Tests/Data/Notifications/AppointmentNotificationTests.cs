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
public sealed class AppointmentNotificationTests : DemoClinicTests
{
    private NotificationCenter Center => Harness.Get<NotificationCenter>();
    private BookingService Booking => Harness.Get<BookingService>();

    private async Task<IReadOnlyList<NotificationView>> InboxAsync(AppointmentActor who) =>
        (await Center.PageAsync(who.Actor, 0, 50)).Items;

    private async Task<List<OutboxMessage>> OutboxAsync(Guid appointmentId)
    {
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().Where(m => m.AppointmentId == appointmentId).ToListAsync();
    }

    [Fact]
    public async Task A_new_request_reaches_every_staff_member_the_owner_and_the_doctor_but_not_the_patient_who_made_it()
    {
        var id = await People.RequestAsync(Harness, ClinicPeople.WednesdayNine);

        foreach (var clinicUser in new[] { People.Sadia, People.Karim, People.Owner })
        {
            var inbox = await InboxAsync(clinicUser);
            inbox.Should().ContainSingle().Which.Should().Match<NotificationView>(n =>
                n.Title == "New request to confirm" && n.Link == $"/appointments/{id}" && !n.IsRead
                && n.Text.Contains("Ayesha") && n.Text.Contains("Wed 25 Nov 2026, 09:00"));
        }
        (await InboxAsync(People.Tanvir)).Should().ContainSingle().Which.Title.Should().Be("New booking");
        (await InboxAsync(People.Ayesha)).Should().BeEmpty();
        Harness.Events.Published.OfType<NotificationsChanged>().Select(e => e.UserId)
            .Should().BeEquivalentTo([People.Sadia.UserId, People.Karim.UserId, People.Owner.UserId, People.Tanvir.UserId]);
    }

    [Fact]
    public async Task Confirming_tells_the_patient_in_the_bell_and_by_email_with_a_calendar_entry_and_schedules_the_reminder()
    {
        var id = await People.RequestAsync(Harness, ClinicPeople.WednesdayNine);

        (await Booking.ConfirmAsync(People.Sadia, id, null)).Succeeded.Should().BeTrue();

        var notice = (await InboxAsync(People.Ayesha)).Should().ContainSingle().Subject;
        notice.Title.Should().Be("Appointment confirmed");
        notice.Kind.Should().Be(NotificationKind.AppointmentUpdate);
        notice.Link.Should().Be($"/appointments/{id}");
        var outbox = await OutboxAsync(id);
        outbox.Should().ContainSingle(m => m.Kind == OutboxKind.AppointmentEmail).Which.Calendar.Should().Be(CalendarAttachment.Booked);
        outbox.Should().ContainSingle(m => m.Kind == OutboxKind.Reminder).Which.DueUtc.Should().Be(ClinicPeople.WednesdayNine.AddHours(-24));
        (await Center.SummaryAsync(People.Ayesha.Actor)).Unread.Should().Be(1);
    }

    [Fact]
    public async Task A_cancellation_gives_the_patient_the_reason_and_withdraws_the_reminder()
    {
        var id = await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);
        Harness.Clock.Advance(TimeSpan.FromMinutes(1));

        (await Booking.CancelAsync(People.Karim, id, null, "Dr. Tanvir is at a conference.")).Succeeded.Should().BeTrue();

        (await InboxAsync(People.Ayesha)).Select(n => n.Title).Should().Equal("Appointment cancelled", "Appointment booked");
        (await InboxAsync(People.Ayesha))[0].Text.Should().EndWith("Reason: Dr. Tanvir is at a conference.");
        var outbox = await OutboxAsync(id);
        outbox.Single(m => m.Kind == OutboxKind.Reminder).Status.Should().Be(DeliveryStatus.Cancelled);
        outbox.Where(m => m.Kind == OutboxKind.AppointmentEmail).Select(m => m.Calendar).Should().BeEquivalentTo([CalendarAttachment.Booked, CalendarAttachment.Cancelled]);
        (await InboxAsync(People.Tanvir)).Select(n => n.Title).Should().Contain("Booking cancelled");
    }

    [Fact]
    public async Task A_move_replaces_the_reminder_and_moving_back_revives_the_first_one_rather_than_writing_a_second()
    {
        var id = await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);
        var later = ClinicPeople.WednesdayNine.AddMinutes(30);
        Harness.Clock.Advance(TimeSpan.FromMinutes(1));

        (await Booking.RescheduleAsync(People.Sadia, id, null, later)).Succeeded.Should().BeTrue();
        var afterMove = (await OutboxAsync(id)).Where(m => m.Kind == OutboxKind.Reminder).ToList();
        afterMove.Should().HaveCount(2);
        afterMove.Single(m => m.Status == DeliveryStatus.Pending).AppointmentStartUtc.Should().Be(later);
        (await InboxAsync(People.Ayesha))[0].Text.Should().Contain("moved from Wed 25 Nov 2026, 09:00 to Wed 25 Nov 2026, 09:30");

        (await Booking.RescheduleAsync(People.Sadia, id, null, ClinicPeople.WednesdayNine)).Succeeded.Should().BeTrue();
        var reminders = (await OutboxAsync(id)).Where(m => m.Kind == OutboxKind.Reminder).ToList();
        reminders.Should().HaveCount(2);
        reminders.Single(m => m.Status == DeliveryStatus.Pending).AppointmentStartUtc.Should().Be(ClinicPeople.WednesdayNine);
    }

    [Fact]
    public async Task Nobody_hears_about_their_own_action()
    {
        var id = await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);

        (await InboxAsync(People.Sadia)).Should().BeEmpty();
        Harness.Clock.Advance(TimeSpan.FromMinutes(1));
        (await Booking.CancelAsync(People.Ayesha, id, null, null)).Succeeded.Should().BeTrue();

        (await InboxAsync(People.Ayesha)).Select(n => n.Title).Should().Equal("Appointment booked");
        (await InboxAsync(People.Sadia)).Select(n => n.Title).Should().Equal("Patient cancelled");
    }

    [Fact]
    public async Task A_person_cannot_read_or_mark_another_persons_notifications()
    {
        var id = await People.RequestAsync(Harness, ClinicPeople.WednesdayNine);
        (await Booking.ConfirmAsync(People.Sadia, id, null)).Succeeded.Should().BeTrue();
        var ayeshas = (await InboxAsync(People.Ayesha)).Single();

        (await Center.PageAsync(People.Rahim.Actor, 0, 50)).Items.Should().BeEmpty();
        (await Center.SummaryAsync(People.Rahim.Actor)).Unread.Should().Be(0);
        var refused = await Center.MarkReadAsync(People.Rahim.Actor, ayeshas.Id);
        (await Center.MarkAllReadAsync(People.Rahim.Actor)).Should().Be(0);

        refused.Error.Should().Be(NotificationCenter.NotYours);
        (await InboxAsync(People.Ayesha)).Single().IsRead.Should().BeFalse();
    }

    [Fact]
    public async Task Marking_one_and_then_all_read_brings_the_unread_count_to_zero_and_paging_walks_newest_first()
    {
        for (var i = 0; i < 3; i++)
        {
            await People.RequestAsync(Harness, ClinicPeople.WednesdayNine.AddMinutes(30 * i));
            Harness.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var first = (await InboxAsync(People.Sadia))[0];

        (await Center.MarkReadAsync(People.Sadia.Actor, first.Id)).Succeeded.Should().BeTrue();
        (await Center.SummaryAsync(People.Sadia.Actor)).Unread.Should().Be(2);
        (await Center.PageAsync(People.Sadia.Actor, 0, 2, unreadOnly: true)).Total.Should().Be(2);
        var secondPage = await Center.PageAsync(People.Sadia.Actor, 1, 2);
        secondPage.Total.Should().Be(3);
        secondPage.Items.Should().ContainSingle().Which.Text.Should().Contain("09:00");

        (await Center.MarkAllReadAsync(People.Sadia.Actor)).Should().Be(2);
        (await Center.SummaryAsync(People.Sadia.Actor)).Unread.Should().Be(0);
    }
}
