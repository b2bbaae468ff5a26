using Clinic.Data.Messaging;
using Clinic.Web.Email;
using Ical.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Clinic.Tests.Web;

/// <summary>The email a patient receives, and the calendar entry their calendar app reads from it.</summary>
public sealed class OutboxMailSenderTests
{
    private static readonly Guid AppointmentId = Guid.Parse("6f1f8a52-3c1e-4a3e-9d7a-1b2c3d4e5f60");

    private static MimeMessage Build(bool cancelled) =>
        Build(cancelled, new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 25, 3, 30, 0, DateTimeKind.Utc), "Asia/Dhaka");

    private static MimeMessage Build(bool cancelled, DateTime startUtc, DateTime endUtc, string zone, string? language = null)
    {
        var options = Options.Create(new EmailOptions { FromAddress = "desk@gomoti.example", FromName = "Gomoti Hospital", PublicBaseUrl = "https://book.gomoti.example/" });
        var sender = new OutboxMailSender(new NullTransport(), options, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        var entry = new CalendarEntry(AppointmentId, startUtc, endUtc,
            zone, "Appointment with Dr. Tanvir Ahmed", "Gomoti Hospital, Mirpur Road", "Your appointment is confirmed.", cancelled, 3);
        return sender.Build(new OutboxEmail("abc@clinic", "ayesha@patients.example", "Ayesha <b>Siddiqua</b>", "Appointment confirmed",
            "Your appointment with Dr. Tanvir Ahmed on Wed 25 Nov 2026, 09:00 is confirmed.", $"/appointments/{AppointmentId}", entry) { Language = language });
    }

    [Fact]
    public void A_patient_who_reads_Bangla_gets_the_email_and_its_calendar_entry_in_Bangla()
    {
        var message = Build(false, new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 25, 3, 30, 0, DateTimeKind.Utc), "Asia/Dhaka", "bn");

        message.Subject.Should().Be("অ্যাপয়েন্টমেন্ট নিশ্চিত হয়েছে");
        message.TextBody.Should().StartWith("প্রিয় Ayesha <b>Siddiqua</b>,")
            .And.Contain("বুধ 25 নভে 2026, 09:00-এ Dr. Tanvir Ahmed-এর সাথে আপনার অ্যাপয়েন্টমেন্ট নিশ্চিত হয়েছে।")
            .And.Contain($"ক্লিনিকের অ্যাপে খুলুন: https://book.gomoti.example/appointments/{AppointmentId}");
        Event(message).Summary.Should().Be("Dr. Tanvir Ahmed-এর সাথে অ্যাপয়েন্টমেন্ট");
        System.Globalization.CultureInfo.CurrentUICulture.Name.Should().NotBe("bn", "the sender's thread gets its own language back");
    }

    [Fact]
    public void Without_a_language_the_email_is_in_the_clinic_s_English()
    {
        var message = Build(cancelled: false);

        message.Subject.Should().Be("Appointment confirmed");
        message.TextBody.Should().StartWith("Hello Ayesha <b>Siddiqua</b>,").And.Contain("Open it in the clinic app: https://");
    }

    private static Ical.Net.CalendarComponents.CalendarEvent Event(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().Should().ContainSingle().Subject;
        part!.FileName.Should().Be("appointment.ics");
        part.ContentType.MimeType.Should().Be("text/calendar");
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        return calendar.Events.Should().ContainSingle().Subject;
    }

    [Fact]
    public void The_calendar_entry_is_written_at_its_instant_in_UTC_and_replaces_earlier_ones_by_uid_and_sequence()
    {
        var message = Build(cancelled: false);
        var appointment = Event(message);

        appointment.DtStart!.IsUtc.Should().BeTrue();
        appointment.DtStart.AsUtc.Should().Be(new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc));
        appointment.DtEnd!.AsUtc.Should().Be(new DateTime(2026, 11, 25, 3, 30, 0, DateTimeKind.Utc));
        appointment.Uid.Should().Be($"{AppointmentId:N}@clinic");
        appointment.Sequence.Should().Be(3);
        appointment.Status.Should().Be("CONFIRMED");
        appointment.Location.Should().Be("Gomoti Hospital, Mirpur Road");
    }

    // Europe/Paris, 31 Oct 2027: 03:00 CEST falls back to 02:00 CET, so 02:00–03:00 happens twice.
    // 28 Mar 2027: 02:00 CET springs to 03:00 CEST, so 02:00–03:00 never happens.
    [Theory]
    [InlineData("2027-10-31T00:30:00Z", "2027-10-31T01:00:00Z")] // first 02:30 (CEST) to the second 02:00 (CET)
    [InlineData("2027-10-31T01:30:00Z", "2027-10-31T02:00:00Z")] // second 02:30 (CET) to 03:00
    [InlineData("2027-10-31T00:00:00Z", "2027-10-31T00:30:00Z")] // first 02:00 to first 02:30
    [InlineData("2027-03-28T00:30:00Z", "2027-03-28T01:30:00Z")] // 01:30 CET to 03:30 CEST, across the skipped hour
    public void Across_both_daylight_saving_changes_the_entry_reads_back_as_the_same_instants_and_never_ends_before_it_starts(string start, string end)
    {
        var startUtc = DateTime.Parse(start, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var endUtc = DateTime.Parse(end, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        var appointment = Event(Build(cancelled: false, startUtc, endUtc, "Europe/Paris"));

        appointment.DtStart!.AsUtc.Should().Be(startUtc);
        appointment.DtEnd!.AsUtc.Should().Be(endUtc);
        appointment.DtEnd.AsUtc.Should().BeAfter(appointment.DtStart.AsUtc);
    }

    [Fact]
    public void A_cancellation_carries_a_cancelled_entry_for_the_same_uid()
    {
        var appointment = Event(Build(cancelled: true));

        appointment.Status.Should().Be("CANCELLED");
        appointment.Uid.Should().Be($"{AppointmentId:N}@clinic");
    }

    [Fact]
    public void The_message_keeps_its_outbox_id_links_to_the_appointment_and_shows_names_as_text()
    {
        var message = Build(cancelled: false);

        message.MessageId.Should().Be("abc@clinic");
        message.From.Mailboxes.Single().Address.Should().Be("desk@gomoti.example");
        message.TextBody.Should().Contain($"https://book.gomoti.example/appointments/{AppointmentId}");
        message.HtmlBody.Should().Contain("Ayesha &lt;b&gt;Siddiqua&lt;/b&gt;").And.NotContain("<b>Siddiqua");
    }

    private sealed class NullTransport : IMailTransport
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
