using Microsoft.Extensions.Options;
using MimeKit;

namespace Clinic.Web.Email;

/// <summary>
/// Writes each message as an .eml file into the pickup folder, where a developer (or a test)
/// opens it; a mail relay can also watch that folder.
/// </summary>
public sealed class PickupFolderMailer(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<PickupFolderMailer> logger) : IClinicMailer
{
    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public async Task SendAsync(string toEmail, string toName, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(new MailboxAddress(toName, toEmail));
        message.Subject = subject;
        message.Date = clock.GetUtcNow();
        message.Body = new BodyBuilder { HtmlBody = htmlBody }.ToMessageBody();

        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(file, cancellationToken);
        logger.LogInformation("Wrote the email \"{Subject}\" to the pickup folder.", subject);
    }
}
