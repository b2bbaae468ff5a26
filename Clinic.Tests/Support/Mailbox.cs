using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace Clinic.Tests.Support;

/// <summary>Reads what the app mailed to its pickup folder, as a patient reads their inbox.</summary>
public static partial class Mailbox
{
    public static List<MimeMessage> MessagesTo(this ClinicAppFactory app, string email) =>
        Directory.Exists(app.PickupDirectory)
            ? [.. Directory.GetFiles(app.PickupDirectory, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Any(t => t.Address == email))]
            : [];

    /// <summary>Waits up to five seconds for a message with this subject to arrive.</summary>
    public static async Task<MimeMessage> WaitForMessageAsync(this ClinicAppFactory app, string email, string subject)
    {
        for (var i = 0; i < 50 && !app.MessagesTo(email).Any(m => m.Subject == subject); i++)
            await Task.Delay(100);
        return app.MessagesTo(email).Should().ContainSingle(m => m.Subject == subject, $"one \"{subject}\" mail should reach {email}").Subject;
    }

    /// <summary>The absolute address of the first link in a message whose address contains <paramref name="part"/>.</summary>
    public static Uri LinkIn(MimeMessage message, string part)
    {
        var href = Href().Matches(message.HtmlBody ?? "").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).FirstOrDefault(h => h.Contains(part));
        href.Should().NotBeNull($"the mail \"{message.Subject}\" should carry a link to {part}");
        return new Uri(href!);
    }

    /// <summary>Registers through the page and follows the confirmation link, which signs the patient in.</summary>
    public static async Task<HttpResponseMessage> RegisterAndConfirmAsync(this ClinicAppFactory app, HttpClient client, string email, string password, string fullName = "Test Patient")
    {
        var registered = await client.RegisterAsync(email, password, fullName);
        registered.StatusCode.Should().Be(HttpStatusCode.OK);
        (await registered.Content.ReadAsStringAsync()).Should().Contain("Check your email");
        var mail = await app.WaitForMessageAsync(email, "Confirm your email");
        return await client.GetAsync(LinkIn(mail, "ConfirmEmail").PathAndQuery);
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
