using Clinic.Data.Messaging;
using Clinic.Tests.Support;
using Clinic.Web.Email;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Clinic.Tests.Web;

public sealed class SmtpMailTransportTests
{
    [Fact]
    public async Task With_smtp_configured_an_appointment_email_is_delivered_to_the_server_with_its_calendar_entry()
    {
        await using var server = new FakeSmtpServer();
        var options = Options.Create(new EmailOptions
        {
            FromAddress = "desk@gomoti.example",
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = "None" },
        });
        options.Value.UsesSmtp.Should().BeTrue();
        var sender = new OutboxMailSender(new SmtpMailTransport(options), options, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var entry = new CalendarEntry(Guid.NewGuid(), new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 25, 3, 30, 0, DateTimeKind.Utc),
            "Asia/Dhaka", "Appointment with Dr. Tanvir Ahmed", "Gomoti Hospital", "Confirmed.", false, 2);

        await sender.SendAsync(new OutboxEmail("m1@clinic", "ayesha@patients.example", "Ayesha Siddiqua", "Appointment confirmed", "Confirmed.", null, entry), CancellationToken.None);

        var raw = server.Messages.Should().ContainSingle().Subject;
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
        message.Subject.Should().Be("Appointment confirmed");
        message.To.Mailboxes.Single().Address.Should().Be("ayesha@patients.example");
        message.Attachments.OfType<MimePart>().Single().FileName.Should().Be("appointment.ics");
        raw.Should().Contain("DTSTART:20261125T030000Z");
    }

    [Fact]
    public async Task An_unreachable_server_throws_so_the_outbox_records_the_failure_and_retries()
    {
        int closedPort;
        await using (var server = new FakeSmtpServer())
            closedPort = server.Port;
        var options = Options.Create(new EmailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = closedPort, Security = "None" } });

        var send = () => new SmtpMailTransport(options).SendAsync(new MimeMessage(), CancellationToken.None);

        await send.Should().ThrowAsync<System.Net.Sockets.SocketException>();
    }
}
