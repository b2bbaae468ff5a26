using Clinic.Domain.Appointments;
using Clinic.Domain.Chat;
using Clinic.Domain.Messaging;
using Clinic.Domain.Notifications;
using Clinic.Domain.Waitlist;
using Clinic.Tests.Domain.Appointments;

namespace Clinic.Tests.Domain.Messaging;

/// <summary>The plain rules behind notifications, the outbox, the waitlist and chat.</summary>
public sealed class MessagingRulesTests
{
    private static readonly DateTime Now = People.Now;

    [Fact]
    public void A_reminder_that_keeps_failing_waits_longer_each_time_and_is_given_up_after_the_last_try()
    {
        var reminder = OutboxMessage.Reminder(Guid.NewGuid(), "patient", Now.AddDays(2), TimeSpan.FromHours(24), Now);
        var at = reminder.DueUtc;
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt < RetrySchedule.MaxAttempts; attempt++)
        {
            reminder.AttemptFailed("timeout", at);
            waits.Add(reminder.NextAttemptUtc - at);
            at = reminder.NextAttemptUtc;
        }
        reminder.Status.Should().Be(DeliveryStatus.Pending);
        reminder.AttemptFailed("timeout", at);

        waits.Should().BeInAscendingOrder().And.Equal(RetrySchedule.Delays);
        reminder.Status.Should().Be(DeliveryStatus.Failed);
        reminder.Attempts.Should().Be(RetrySchedule.MaxAttempts);
    }

    [Fact]
    public void A_withdrawn_reminder_can_be_reinstated_but_a_sent_one_is_never_sent_again()
    {
        var reminder = OutboxMessage.Reminder(Guid.NewGuid(), "patient", Now.AddDays(2), TimeSpan.FromHours(24), Now);
        reminder.Withdraw("moved");
        reminder.Reinstate(TimeSpan.FromHours(6));
        reminder.Status.Should().Be(DeliveryStatus.Pending);
        reminder.DueUtc.Should().Be(Now.AddDays(2).AddHours(-6));

        reminder.Delivered(Now);
        reminder.Withdraw("cancelled");
        reminder.Reinstate(TimeSpan.FromHours(6));
        reminder.Status.Should().Be(DeliveryStatus.Sent);
    }

    [Theory]
    [InlineData(null, AppointmentStatus.Pending, AppointmentChange.Requested)]
    [InlineData(null, AppointmentStatus.Confirmed, AppointmentChange.BookedByClinic)]
    [InlineData(null, AppointmentStatus.Offered, null)]
    [InlineData(AppointmentStatus.Pending, AppointmentStatus.Confirmed, AppointmentChange.Confirmed)]
    [InlineData(AppointmentStatus.Confirmed, AppointmentStatus.Cancelled, AppointmentChange.Cancelled)]
    [InlineData(AppointmentStatus.Offered, AppointmentStatus.Pending, AppointmentChange.Requested)]
    [InlineData(AppointmentStatus.Offered, AppointmentStatus.Cancelled, null)]
    public void Each_status_change_is_classified_for_the_people_who_hear_of_it(AppointmentStatus? before, AppointmentStatus after, AppointmentChange? expected)
    {
        var appointment = Appointment.Create(People.DoctorId, "patient", People.Start, People.Start.AddMinutes(30), 1, Now, after, "x", "x", null, null);

        AppointmentNotices.Classify(before, before is null ? null : appointment.StartUtc, appointment).Should().Be(expected);
    }

    [Fact]
    public void A_request_tells_every_clinic_member_and_the_doctor_but_never_the_person_who_acted()
    {
        var context = new AppointmentNoticeContext(Guid.NewGuid(), AppointmentChange.Requested, "staff-a", "patient", "Ayesha", "doctor", "Dr. Tanvir Ahmed",
            "Wed 25 Nov 2026, 09:00", null, null, ["staff-a", "staff-b", "owner"]);

        AppointmentNotices.For(context).Select(n => n.UserId).Should().BeEquivalentTo(["staff-b", "owner", "doctor"]);
    }

    [Fact]
    public void A_waitlist_place_needs_an_ordered_range_of_at_most_a_month_inside_the_booking_window()
    {
        var today = new DateOnly(2026, 11, 23);
        WaitlistEntry.Join("p", Guid.NewGuid(), today.AddDays(3), today, today, 60, Now).Error.Should().Be("The last date must be on or after the first.");
        WaitlistEntry.Join("p", Guid.NewGuid(), today, today.AddDays(31), today, 60, Now).Error.Should().Be("Choose at most 31 days.");
        WaitlistEntry.Join("p", Guid.NewGuid(), today.AddDays(-1), today, today, 60, Now).Error.Should().Be("The dates must be today or later.");
        WaitlistEntry.Join("p", Guid.NewGuid(), today.AddDays(59), today.AddDays(61), today, 60, Now).Error.Should().StartWith("The clinic books at most 60 days ahead");
        WaitlistEntry.Join("p", Guid.NewGuid(), today, today.AddDays(30), today, 60, Now).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void An_offer_can_be_accepted_only_by_its_patient_before_it_lapses()
    {
        var offer = Appointment.Offer(People.DoctorId, People.Patient.UserId, People.Start, People.Start.AddMinutes(30), 1, Now, Now.AddMinutes(30));

        offer.AcceptOffer(People.OtherPatient, Now).Error.Should().Be(AppointmentPermissions.NotYours);
        offer.AcceptOffer(People.Patient, Now.AddMinutes(30)).Error.Should().Be("This offer has lapsed; the seat went back to the waitlist.");
        offer.AcceptOffer(People.Patient, Now.AddMinutes(29)).Succeeded.Should().BeTrue();
        offer.Status.Should().Be(AppointmentStatus.Pending);
        offer.OfferExpiresUtc.Should().BeNull();
    }

    [Theory]
    [InlineData("  hello \r\n world  ", "hello \n world")]
    [InlineData("bell\u0007 and null\u0000", "bell and null")]
    [InlineData("<i>kept</i>", "<i>kept</i>")]
    public void Chat_text_is_trimmed_and_stripped_of_control_characters_but_otherwise_kept_as_written(string written, string stored) =>
        ChatMessage.Write("patient", "patient", "Ayesha", false, written, Now).Value!.Text.Should().Be(stored);
}
