using System.Text.Encodings.Web;
using Clinic.Data.Messaging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Clinic.Web.Email;

/// <summary>Turns an outbox email into a MIME message (text, HTML, and the .ics when it is about an appointment) and hands it to the transport.</summary>
public sealed class OutboxMailSender(IMailTransport transport, IOptions<EmailOptions> options, TimeProvider clock) : IOutboxSender
{
    public Task SendAsync(OutboxEmail email, CancellationToken cancellationToken) =>
        transport.SendAsync(Build(email), cancellationToken);

    public MimeMessage Build(OutboxEmail email)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(email.ToName, email.ToEmail));
        message.Subject = email.Subject;
        message.Date = clock.GetUtcNow();
        message.MessageId = email.MessageId;

        var link = email.LinkPath is null ? null : settings.PublicBaseUrl.TrimEnd('/') + email.LinkPath;
        var body = new BodyBuilder
        {
            TextBody = $"Hello {email.ToName},\n\n{email.Text}\n" + (link is null ? string.Empty : $"\nOpen it in the clinic app: {link}\n")
                + (email.Signature is null ? string.Empty : $"\n-- \n{email.Signature}\n"),
            HtmlBody = $"<p>Hello {Encode(email.ToName)},</p><p>{Encode(email.Text)}</p>"
                + (link is null ? string.Empty : $"<p><a href=\"{Encode(link)}\">Open it in the clinic app</a></p>")
                + (email.Signature is null ? string.Empty : $"<p style=\"color:#666\">{string.Join("<br>", email.Signature.Split('\n').Select(Encode))}</p>"),
        };
        if (email.Calendar is { } entry)
        {
            var ics = CalendarInvite.Build(entry, settings.FromAddress, settings.FromName, clock.GetUtcNow());
            var attachment = body.Attachments.Add("appointment.ics", System.Text.Encoding.UTF8.GetBytes(ics), ContentType.Parse("text/calendar; charset=utf-8"));
            attachment.ContentType.Parameters.Add("method", entry.Cancelled ? "CANCEL" : "PUBLISH");
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
