using System.Text.Encodings.Web;
using Clinic.Data.Identity;
using Clinic.Domain.Identity;
using Clinic.Web.Localization;
using Microsoft.AspNetCore.Identity;
using static Clinic.Web.Localization.Translations;

namespace Clinic.Web.Email;

/// <summary>
/// The messages Identity sends: password reset, the set-your-password invitation. Each is written in
/// the language its account reads (a patient who registered in Bangla gets the link in Bangla); an
/// account without one, and an invitation (whose reader has not chosen yet), in the clinic's.
/// </summary>
public sealed class IdentityEmailSender(IClinicMailer mailer, ClinicLanguage clinicLanguage) : IEmailSender<ClinicUser>
{
    public async Task SendConfirmationLinkAsync(ClinicUser user, string email, string confirmationLink)
    {
        using var reading = LanguageScope.For(await clinicLanguage.ForAsync(user.Language));
        await mailer.SendAsync(email, user.FullName, Tr("Confirm your email"), Letter(user.FullName,
            Tr("Welcome! Confirm your email address to finish creating your account and book your first visit. If you did not register, ignore this message."),
            (confirmationLink, Tr("Confirm your email address"))));
    }

    public async Task SendPasswordResetLinkAsync(ClinicUser user, string email, string resetLink)
    {
        using var reading = LanguageScope.For(await clinicLanguage.ForAsync(user.Language));
        await mailer.SendAsync(email, user.FullName, Tr("Reset your password"), Letter(user.FullName,
            Tr("Someone asked to reset the password of your clinic account. If it was not you, ignore this message."),
            (resetLink, Tr("Choose a new password"))));
    }

    public async Task SendPasswordResetCodeAsync(ClinicUser user, string email, string resetCode)
    {
        using var reading = LanguageScope.For(await clinicLanguage.ForAsync(user.Language));
        await mailer.SendAsync(email, user.FullName, Tr("Your password reset code"),
            Letter(user.FullName, Tr("Your reset code is {0}.", resetCode)));
    }

    /// <param name="role">The account's role (<see cref="ClinicRoles"/>): what the invitation says it is for.</param>
    public async Task SendInvitationAsync(string email, string fullName, string clinicName, string role, string setPasswordLink)
    {
        using var reading = LanguageScope.For(await clinicLanguage.GetAsync());
        var text = role switch
        {
            ClinicRoles.Doctor => Tr("{0} has made you an account as a doctor: your schedule, your patients and their visits are there. Choose your password to sign in.", clinicName),
            ClinicRoles.Patient => Tr("{0} has made you an account: your visits and your messages with the clinic are there, and you can book online. Choose your password to sign in.", clinicName),
            _ => Tr("{0} has made you an account for its front desk: the day's visits, requests and payments are there. Choose your password to sign in.", clinicName),
        };
        await mailer.SendAsync(email, fullName, Tr("Your {0} account", clinicName), Letter(fullName, text, (setPasswordLink, Tr("Choose your password"))));
    }

    /// <summary>Someone registered with an email that already has an account: its owner hears of it, in their language, and the page says nothing.</summary>
    public async Task SendAlreadyRegisteredAsync(ClinicUser user, string email, string signInLink, string resetLink)
    {
        using var reading = LanguageScope.For(await clinicLanguage.ForAsync(user.Language));
        await mailer.SendAsync(email, user.FullName, Tr("You already have an account"), Letter(user.FullName,
            Tr("Someone, probably you, tried to register again with this email address. You already have an account: sign in, or choose a new password if you no longer know it. If it was not you, you can ignore this message: nothing has changed."),
            (signInLink, Tr("Sign in")), (resetLink, Tr("Choose a new password"))));
    }

    /// <summary>
    /// The greeting, whole sentences (so each translates as one), then each link on its own line. The
    /// links come HTML-encoded already (<see cref="PasswordLinks"/>).
    /// </summary>
    private static string Letter(string name, string text, params (string EncodedHref, string Label)[] links) =>
        $"<p>{Encode(Tr("Hello {0},", name))}</p><p>{Encode(text)}</p>"
        + string.Concat(links.Select(link => $"<p><a href=\"{link.EncodedHref}\">{Encode(link.Label)}</a></p>"));

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
