using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Clinic.Web.Email;

/// <summary>
/// Links that go out in emails (reset, invitation, confirmation). They are built from the configured
/// <see cref="EmailOptions.PublicBaseUrl"/> only, never from the request: a forged Host header must not
/// put an attacker's site into a mail that carries a password token.
/// </summary>
public sealed class PasswordLinks(IOptions<EmailOptions> options)
{
    public string Reset(string token) => Link("Account/ResetPassword", new() { ["code"] = Encode(token) });

    public string ConfirmEmail(string userId, string token, string? returnUrl = null) =>
        Link("Account/ConfirmEmail", new() { ["userId"] = userId, ["code"] = Encode(token), ["returnUrl"] = returnUrl });

    public string SignIn() => Link("Account/Login", []);

    public string ForgotPassword() => Link("Account/ForgotPassword", []);

    private string Link(string path, Dictionary<string, string?> query)
    {
        var url = QueryHelpers.AddQueryString($"{options.Value.PublicBaseUrl.TrimEnd('/')}/{path}",
            query.Where(q => q.Value is not null));
        return HtmlEncoder.Default.Encode(url);
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
}
