using Clinic.Data.Booking;
using Clinic.Data.Messaging;
using Clinic.Data.Persistence;
using Clinic.Domain.Messaging;
using Clinic.Domain.Notifications;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clinic.Tests.Data.Messaging;

/// <summary>
/// Every message written to the outbox is sent once: through a mail server that fails, a worker
/// stopped mid-send and a new one started, with time driven by a fake clock.
/// </summary>
public sealed class OutboxDeliveryTests : DemoClinicTests
{
    private OutboxDispatcher Dispatcher => Harness.Get<OutboxDispatcher>();

    /// <summary>A fresh worker, as after a restart of the app: it shares nothing with the last one but the database.</summary>
    private OutboxWorker NewWorker() => new(Dispatcher, Harness.Get<OutboxSignal>(), Harness.Get<IOptions<OutboxOptions>>(), Harness.Clock, NullLogger<OutboxWorker>.Instance);

    private async Task<List<OutboxMessage>> OutboxAsync(OutboxKind? kind = null)
    {
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().Where(m => kind == null || m.Kind == kind).ToListAsync();
    }

    private async Task<int> ReminderNotificationsAsync()
    {
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Notifications.CountAsync(n => n.Kind == NotificationKind.Reminder);
    }

    /// <summary>
    /// The worker runs on its own: move the fake clock on in small steps (it may not be waiting yet
    /// when a step is taken) until it has done what it should, or give up after 10 s of real time.
    /// </summary>
    private async Task AdvanceUntilAsync(TimeSpan step, Func<Task<bool>> done, string what)
    {
        for (var waited = 0; waited < 10_000; waited += 20)
        {
            if (await done())
                return;
            Harness.Clock.Advance(step);
            await Task.Delay(20);
        }
        throw new TimeoutException($"Not within 10 s: {what}");
    }

    [Fact]
    public async Task An_appointment_email_goes_out_once_with_the_calendar_entry_at_the_appointments_time_and_is_logged_as_sent()
    {
        var id = await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);

        (await Dispatcher.DispatchDueAsync(CancellationToken.None)).Should().Be(1);
        (await Dispatcher.DispatchDueAsync(CancellationToken.None)).Should().Be(0);

        var email = Harness.Mail.Sent.Should().ContainSingle().Subject;
        email.ToEmail.Should().Be("ayesha@patients.example");
        email.Subject.Should().Be("Appointment booked: Dr. Tanvir Ahmed, Wed 25 Nov 2026, 09:00");
        email.LinkPath.Should().Be($"/appointments/{id}");
        email.Calendar!.StartUtc.Should().Be(ClinicPeople.WednesdayNine);
        email.Calendar.TimeZoneId.Should().Be("Asia/Dhaka");
        email.Calendar.Cancelled.Should().BeFalse();
        var log = (await Harness.Get<DeliveryLog>().ForAppointmentAsync(People.Owner, id)).Value!;
        log.Should().HaveCount(2);
        log.Single(e => e.Kind == OutboxKind.AppointmentEmail).Status.Should().Be(DeliveryStatus.Sent);
        log.Single(e => e.Kind == OutboxKind.Reminder).Status.Should().Be(DeliveryStatus.Pending);
    }

    [Fact]
    public async Task An_email_to_someone_who_never_chose_a_language_is_written_in_the_clinic_s_and_a_chosen_one_wins()
    {
        var editor = Harness.Get<Clinic.Data.Overview.ClinicProfileEditor>();
        var profile = (await editor.GetAsync())!.Profile;
        (await editor.UpdateAsync(People.Owner.Actor, profile with { Language = "bn" })).Succeeded.Should().BeTrue();
        await SetLanguageAsync("ayesha@patients.example", null);
        await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);
        await Dispatcher.DispatchDueAsync(CancellationToken.None);
        await SetLanguageAsync("ayesha@patients.example", "en");
        await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine.AddHours(1));
        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Harness.Mail.Sent.Where(email => email.ToEmail == "ayesha@patients.example").Select(email => email.Language).Should().Equal("bn", "en");
    }

    private async Task SetLanguageAsync(string email, string? language)
    {
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, language));
    }

    [Fact]
    public async Task A_failed_send_is_retried_after_the_back_off_and_gives_up_with_the_error_after_the_last_attempt()
    {
        await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);
        Harness.Mail.FailNext(100);

        await Dispatcher.DispatchDueAsync(CancellationToken.None);
        var first = (await OutboxAsync(OutboxKind.AppointmentEmail)).Single();
        first.Status.Should().Be(DeliveryStatus.Pending);
        first.LastError.Should().Be("IOException: SMTP server unreachable (test)");
        first.NextAttemptUtc.Should().Be(Harness.Clock.GetUtcNow().UtcDateTime.AddMinutes(1));

        // Not before its time, then once per back-off step.
        Harness.Clock.Advance(TimeSpan.FromSeconds(59));
        (await Dispatcher.DispatchDueAsync(CancellationToken.None)).Should().Be(0);
        foreach (var delay in RetrySchedule.Delays)
        {
            Harness.Clock.Advance(delay);
            (await Dispatcher.DispatchDueAsync(CancellationToken.None)).Should().Be(1);
        }

        var last = (await OutboxAsync(OutboxKind.AppointmentEmail)).Single();
        last.Status.Should().Be(DeliveryStatus.Failed);
        last.Attempts.Should().Be(RetrySchedule.MaxAttempts);
        Harness.Mail.Attempts.Should().Be(RetrySchedule.MaxAttempts);
        Harness.Mail.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task Reminders_survive_a_failing_mail_server_and_a_restarted_worker_and_each_goes_out_exactly_once()
    {
        var rahim = People.Rahim;
        var ids = new[]
        {
            await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine),
            await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine.AddMinutes(30)),
            await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine.AddMinutes(60), rahim),
        };
        await Dispatcher.DispatchDueAsync(CancellationToken.None); // the three "booked" emails
        Harness.Mail.Sent.Should().HaveCount(3);

        // The first worker meets a failing server when the reminders fall due.
        Harness.Mail.FailNext(3);
        using var firstRun = new CancellationTokenSource();
        var first = NewWorker();
        await first.StartAsync(firstRun.Token);
        // Up to when the last of the three falls due, so the first pass meets all three.
        Harness.Clock.Advance(ClinicPeople.WednesdayNine.AddMinutes(60).AddHours(-24) - Harness.Clock.GetUtcNow().UtcDateTime);
        await AdvanceUntilAsync(TimeSpan.FromSeconds(10), async () => (await OutboxAsync(OutboxKind.Reminder)).Sum(m => m.Attempts) >= 3, "three failed reminder attempts");
        Harness.Mail.Sent.Should().HaveCount(3, "no reminder got through the failing server");
        (await ReminderNotificationsAsync()).Should().Be(3, "the bell gets the reminder even while the mail server is down");

        // ...and is stopped in the middle of sending the next attempt (the app restarts).
        Harness.Mail.Hang = true;
        await AdvanceUntilAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(Harness.Mail.Attempts >= 7), "a send in flight");
        await first.StopAsync(CancellationToken.None);
        first.Dispose();
        Harness.Mail.Hang = false;

        // A new worker takes over once the stopped one's lease has run out, and finishes the job.
        var second = NewWorker();
        await second.StartAsync(CancellationToken.None);
        await AdvanceUntilAsync(TimeSpan.FromSeconds(30), async () => (await OutboxAsync(OutboxKind.Reminder)).All(m => m.Status == DeliveryStatus.Sent), "every reminder sent");
        Harness.Clock.Advance(TimeSpan.FromHours(6)); // more passes: nothing is sent again
        await Task.Delay(200);
        await second.StopAsync(CancellationToken.None);
        second.Dispose();

        var reminders = Harness.Mail.Sent.Where(e => e.Subject.StartsWith("Reminder:")).ToList();
        reminders.Should().HaveCount(3);
        reminders.Select(e => e.MessageId).Should().OnlyHaveUniqueItems();
        reminders.Select(e => e.Calendar!.AppointmentId).Should().BeEquivalentTo(ids);
        reminders.Single(e => e.ToEmail == "rahim@patients.example").Text.Should().Contain("Wed 25 Nov 2026, 10:00");
        (await ReminderNotificationsAsync()).Should().Be(3);
    }

    [Fact]
    public async Task A_reminder_whose_appointment_was_cancelled_behind_its_back_is_withdrawn_when_due_not_sent()
    {
        var id = await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);
        await using (var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
        {
            // As if another app instance cancelled it between the reminder being written and falling due.
            await db.Appointments.Where(a => a.Id == id).ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, Clinic.Domain.Appointments.AppointmentStatus.Cancelled));
        }
        Harness.Clock.Advance(TimeSpan.FromDays(1));

        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Harness.Mail.Sent.Should().NotContain(e => e.Subject.StartsWith("Reminder:"));
        var reminder = (await OutboxAsync(OutboxKind.Reminder)).Single();
        reminder.Status.Should().Be(DeliveryStatus.Cancelled);
        reminder.LastError.Should().Be("The appointment was cancelled; no reminder is due.");
        (await ReminderNotificationsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Only_the_owner_reads_the_delivery_log()
    {
        var id = await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);

        (await Harness.Get<DeliveryLog>().ForAppointmentAsync(People.Sadia, id)).Error.Should().Be(DeliveryLog.OwnerOnly);
        (await Harness.Get<DeliveryLog>().ForAppointmentAsync(People.Ayesha, id)).Error.Should().Be(DeliveryLog.OwnerOnly);
    }
}
