using System.Text.Encodings.Web;
using Clinic.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace Clinic.Web.Email;

/// <summary>The messages Identity sends: password reset, the set-your-password invitation.</summary>
public sealed class IdentityEmailSender(IClinicMailer mailer) : IEmailSender<ClinicUser>
{
    public Task SendConfirmationLinkAsync(ClinicUser user, string email, string confirmationLink) =>
        mailer.SendAsync(email, user.FullName, "Confirm your email",
            $"<p>Hello {Encode(user.FullName)},</p><p>Welcome! <a href=\"{confirmationLink}\">Confirm your email address</a> " +
            "to finish creating your account and book your first visit. If you did not register, ignore this message.</p>");

    public Task SendPasswordResetLinkAsync(ClinicUser user, string email, string resetLink) =>
        mailer.SendAsync(email, user.FullName, "Reset your password",
            $"<p>Hello {Encode(user.FullName)},</p><p>Someone asked to reset the password of your clinic account. " +
            $"<a href=\"{resetLink}\">Choose a new password</a>. If it was not you, ignore this message.</p>");

    public Task SendPasswordResetCodeAsync(ClinicUser user, string email, string resetCode) =>
        mailer.SendAsync(email, user.FullName, "Your password reset code",
            $"<p>Hello {Encode(user.FullName)},</p><p>Your reset code is <b>{Encode(resetCode)}</b>.</p>");

    public Task SendInvitationAsync(string email, string fullName, string clinicName, string role, string setPasswordLink) =>
        mailer.SendAsync(email, fullName, $"Your {clinicName} account",
            $"<p>Hello {Encode(fullName)},</p><p>{Encode(clinicName)} has created a {Encode(role)} account for you. " +
            $"<a href=\"{setPasswordLink}\">Choose your password</a> to sign in.</p>");

    /// <summary>Someone registered with an email that already has an account: its owner hears of it, the page says nothing.</summary>
    public Task SendAlreadyRegisteredAsync(string email, string fullName, string signInLink, string resetLink) =>
        mailer.SendAsync(email, fullName, "You already have an account",
            $"<p>Hello {Encode(fullName)},</p><p>Someone, probably you, tried to register again with this email address. " +
            $"You already have an account: <a href=\"{signInLink}\">sign in</a>, or <a href=\"{resetLink}\">choose a new password</a> " +
            "if you no longer know it. If it was not you, you can ignore this message: nothing has changed.</p>");

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
