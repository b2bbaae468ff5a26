using System.Text.Encodings.Web;
using Clinic.Data.Messaging;
using Microsoft.Extensions.Options;
using Clinic.Web.Localization;
using MimeKit;
using static Clinic.Web.Localization.Translations;

namespace Clinic.Web.Email;

/// <summary>Turns an outbox email into a MIME message (text, HTML, and the .ics when it is about an appointment) and hands it to the transport.</summary>
public sealed class OutboxMailSender(IMailTransport transport, IOptions<EmailOptions> options, TimeProvider clock) : IOutboxSender
{
    public Task SendAsync(OutboxEmail email, CancellationToken cancellationToken) =>
        transport.SendAsync(Build(email), cancellationToken);

    public MimeMessage Build(OutboxEmail email)
    {
        // Composed in the clinic's working language; said in the recipient's (Translations.Sentence).
        using var reading = LanguageScope.For(email.Language);
        var settings = options.Value;
        var text = Sentence(email.Text);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(email.ToName, email.ToEmail));
        message.Subject = Sentence(email.Subject);
        message.Date = clock.GetUtcNow();
        message.MessageId = email.MessageId;

        var link = email.LinkPath is null ? null : settings.PublicBaseUrl.TrimEnd('/') + email.LinkPath;
        var body = new BodyBuilder
        {
            TextBody = $"{Tr("Hello {0},", email.ToName)}\n\n{text}\n" + (link is null ? string.Empty : $"\n{Tr("Open it in the clinic app: {0}", link)}\n")
                + (email.Signature is null ? string.Empty : $"\n-- \n{email.Signature}\n"),
            HtmlBody = $"<p>{Encode(Tr("Hello {0},", email.ToName))}</p><p>{Encode(text)}</p>"
                + (link is null ? string.Empty : $"<p><a href=\"{Encode(link)}\">{Encode(Tr("Open it in the clinic app"))}</a></p>")
                + (email.Signature is null ? string.Empty : $"<p style=\"color:#666\">{string.Join("<br>", email.Signature.Split('\n').Select(Encode))}</p>"),
        };
        if (email.Calendar is { } entry)
        {
            var said = entry with { Summary = Sentence(entry.Summary), Description = Sentence(entry.Description) };
            var ics = CalendarInvite.Build(said, settings.FromAddress, settings.FromName, clock.GetUtcNow());
            var attachment = body.Attachments.Add("appointment.ics", System.Text.Encoding.UTF8.GetBytes(ics), ContentType.Parse("text/calendar; charset=utf-8"));
            attachment.ContentType.Parameters.Add("method", entry.Cancelled ? "CANCEL" : "PUBLISH");
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
