using MimeKit;

namespace Clinic.Web.Email;

/// <summary>Where finished messages go: an SMTP server, or the pickup folder.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
