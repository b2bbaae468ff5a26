using Microsoft.Extensions.Options;
using MimeKit;

namespace Clinic.Web.Email;

/// <summary>
/// Writes each message as an .eml file into the pickup folder, where a developer (or a test) opens
/// it; a mail relay can also watch that folder. The file is named after the Message-ID, so a
/// repeated send of the same message replaces its file rather than adding a second.
/// </summary>
public sealed class PickupFolderTransport(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<PickupFolderTransport> logger) : IMailTransport
{
    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var id = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Where(char.IsAsciiLetterOrDigit));
        var file = Path.Combine(Folder, $"{clock.GetUtcNow():yyyyMMdd}-{id}.eml");
        // Written beside, then moved: a watcher never picks up half a message.
        var partial = file + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, file, overwrite: true);
        logger.LogInformation("Wrote the email \"{Subject}\" to the pickup folder.", message.Subject);
    }
}
