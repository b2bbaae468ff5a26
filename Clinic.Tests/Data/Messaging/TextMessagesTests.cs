using Clinic.Data.Messaging;
using Clinic.Data.Persistence;
using Clinic.Domain.Messaging;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Tests.Data.Messaging;

/// <summary>
/// With a text-message gateway, a reminder also goes to the patient's mobile: once, on its own
/// retries (a gateway that is down never sends the email twice), to a patient without email too,
/// and never for a visit cancelled meanwhile. So do a visit booked, confirmed, cancelled or moved.
/// </summary>
public sealed class TextMessagesTests : DemoClinicTests
{
    private OutboxDispatcher Dispatcher => Harness.Get<OutboxDispatcher>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Harness.Texts.Sends = true;
    }

    private async Task<List<OutboxMessage>> OutboxAsync(OutboxKind kind)
    {
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().Where(m => m.Kind == kind).ToListAsync();
    }

    private async Task ChangeUserAsync(string email, string? newEmail, string? phone)
    {
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, newEmail).SetProperty(x => x.PhoneNumber, phone));
    }

    /// <summary>To the reminder of a visit at Wednesday 09:00 (Dhaka), 24 hours before; the gateway fails as many times from there.</summary>
    private async Task WhenRemindersFallDueAsync(int gatewayFailures = 0)
    {
        await Dispatcher.DispatchDueAsync(CancellationToken.None); // the "booked" emails and texts
        Harness.Texts.FailNext(gatewayFailures);
        Harness.Clock.Advance(ClinicPeople.WednesdayNine.AddHours(-24) - Harness.Clock.GetUtcNow().UtcDateTime);
        await Dispatcher.DispatchDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_reminder_also_goes_once_by_text_message_to_the_patient_s_mobile_and_the_owner_sees_it()
    {
        var id = await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);

        await WhenRemindersFallDueAsync();
        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        var text = Harness.Texts.Sent.Should().ContainSingle(t => t.Text.StartsWith("Reminder")).Subject;
        text.To.Should().Be("8801711000001");
        text.Text.Should().Be("Reminder: Dr. Tanvir Ahmed, Wed 25 Nov 2026, 09:00, Gomoti Hospital Dhanmondi. Cannot come? Call +880 2 5815 0000.");
        Harness.Mail.Sent.Should().ContainSingle(e => e.Subject.StartsWith("Reminder:"), "the email goes as before");
        var log = (await Harness.Get<DeliveryLog>().ForAppointmentAsync(People.Owner, id)).Value!;
        log.Should().ContainSingle(e => e.Kind == OutboxKind.Reminder).Which.Should().BeEquivalentTo(new { Subject = "Reminder", ByText = false }, o => o.ExcludingMissingMembers());
        log.Should().ContainSingle(e => e.Kind == OutboxKind.TextReminder).Which.Should().BeEquivalentTo(
            new { Subject = "Reminder", ByText = true, RecipientAddress = "+880 1711 000001", Status = DeliveryStatus.Sent }, o => o.ExcludingMissingMembers());
    }

    [Fact]
    public async Task A_gateway_that_is_down_is_tried_again_without_the_email_going_twice()
    {
        await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);

        await WhenRemindersFallDueAsync(gatewayFailures: 2);
        for (var pass = 0; pass < 3; pass++)
        {
            Harness.Clock.Advance(TimeSpan.FromMinutes(30));
            await Dispatcher.DispatchDueAsync(CancellationToken.None);
        }

        var sms = (await OutboxAsync(OutboxKind.TextReminder)).Should().ContainSingle().Subject;
        (sms.Status, sms.Attempts).Should().Be((DeliveryStatus.Sent, 3));
        Harness.Texts.Sent.Should().ContainSingle(t => t.Text.StartsWith("Reminder"));
        Harness.Mail.Sent.Count(e => e.Subject.StartsWith("Reminder:")).Should().Be(1);
    }

    [Fact]
    public async Task A_patient_without_email_gets_the_text_and_one_without_a_mobile_gets_none()
    {
        await ChangeUserAsync("ayesha@patients.example", null, "01711-000001"); // a walk-in with a phone only
        await ChangeUserAsync("rahim@patients.example", "rahim@patients.example", "9110000"); // a number the gateway cannot take (a landline)
        await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);
        await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine.AddMinutes(30), People.Rahim);

        await WhenRemindersFallDueAsync();
        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Harness.Texts.Sent.Where(t => t.Text.StartsWith("Reminder")).Should().ContainSingle().Which.To.Should().Be("01711000001");
        (await OutboxAsync(OutboxKind.TextReminder)).Should().ContainSingle("a landline is not written to");
        (await OutboxAsync(OutboxKind.AppointmentText)).Should().ContainSingle("nor told of the booking");
        (await OutboxAsync(OutboxKind.Reminder)).Should().ContainSingle(m => m.Status == DeliveryStatus.Failed)
            .Which.LastError.Should().Be("The recipient has no email address.");
    }

    [Fact]
    public async Task A_text_still_waiting_for_the_gateway_is_withdrawn_once_the_visit_is_cancelled()
    {
        var id = await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);
        await WhenRemindersFallDueAsync(gatewayFailures: 1);
        await Dispatcher.DispatchDueAsync(CancellationToken.None);
        await using (var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            await db.Appointments.Where(a => a.Id == id).ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, Clinic.Domain.Appointments.AppointmentStatus.Cancelled));

        Harness.Clock.Advance(TimeSpan.FromHours(1));
        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Harness.Texts.Sent.Should().NotContain(t => t.Text.StartsWith("Reminder"));
        var sms = (await OutboxAsync(OutboxKind.TextReminder)).Should().ContainSingle().Subject;
        (sms.Status, sms.LastError).Should().Be((DeliveryStatus.Cancelled, "The appointment was cancelled; no reminder is due."));
    }

    [Fact]
    public async Task Without_a_gateway_a_reminder_writes_no_text_message()
    {
        Harness.Texts.Sends = false;
        await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);

        await WhenRemindersFallDueAsync();

        (await OutboxAsync(OutboxKind.TextReminder)).Should().BeEmpty();
        (await OutboxAsync(OutboxKind.AppointmentText)).Should().BeEmpty();
        Harness.Mail.Sent.Should().Contain(e => e.Subject.StartsWith("Reminder:"));
    }

    [Fact]
    public async Task A_walk_in_without_email_hears_by_text_message_that_the_clinic_booked_and_then_cancelled_the_visit()
    {
        await ChangeUserAsync("ayesha@patients.example", null, "01711-000001");
        var id = await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);
        (await Harness.Get<Clinic.Data.Booking.BookingService>().CancelAsync(People.Sadia, id, null, "The doctor is ill.")).Succeeded.Should().BeTrue();

        for (var pass = 0; pass < 3; pass++)
            await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Harness.Texts.Sent.Select(t => (t.To, t.Text)).Should().Equal(
            ("01711000001", "The clinic booked you with Dr. Tanvir Ahmed on Wed 25 Nov 2026, 09:00."),
            ("01711000001", "Your appointment with Dr. Tanvir Ahmed on Wed 25 Nov 2026, 09:00 was cancelled. Reason: The doctor is ill."));
        (await OutboxAsync(OutboxKind.AppointmentEmail)).Should().OnlyContain(m => m.Status == DeliveryStatus.Failed && !m.TextToWrite, "no email address, and each text written once");
        var log = (await Harness.Get<DeliveryLog>().ForAppointmentAsync(People.Owner, id)).Value!;
        log.Where(e => e.ByText).Select(e => e.Subject).Should().Equal(
            "Appointment booked: Dr. Tanvir Ahmed, Wed 25 Nov 2026, 09:00", "Appointment cancelled: Dr. Tanvir Ahmed, Wed 25 Nov 2026, 09:00");
    }

    [Fact]
    public async Task An_email_tried_again_writes_its_text_message_once_and_a_patient_s_own_request_writes_none()
    {
        Harness.Mail.FailNext(2);
        await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);
        await People.RequestAsync(Harness, ClinicPeople.WednesdayNine.AddHours(1));

        for (var pass = 0; pass < 4; pass++)
        {
            await Dispatcher.DispatchDueAsync(CancellationToken.None);
            Harness.Clock.Advance(TimeSpan.FromMinutes(30));
        }

        Harness.Mail.Sent.Should().ContainSingle(e => e.Subject.StartsWith("Appointment booked"));
        Harness.Texts.Sent.Should().ContainSingle().Which.Text.Should().StartWith("The clinic booked you");
        (await OutboxAsync(OutboxKind.AppointmentText)).Should().ContainSingle();
    }
}
