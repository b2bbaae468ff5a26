using Microsoft.Extensions.Options;
using MimeKit;

namespace Clinic.Web.Email;

/// <summary>Sends Identity's messages (password links) at once through the configured transport.</summary>
public sealed class ClinicMailer(IMailTransport transport, IOptions<EmailOptions> options, TimeProvider clock) : IClinicMailer
{
    public Task SendAsync(string toEmail, string toName, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(new MailboxAddress(toName, toEmail));
        message.Subject = subject;
        message.Date = clock.GetUtcNow();
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        message.Body = new BodyBuilder { HtmlBody = htmlBody }.ToMessageBody();
        return transport.SendAsync(message, cancellationToken);
    }
}
