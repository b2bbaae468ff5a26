using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace Clinic.Web.Email;

/// <summary>Builds the link of a password reset or first-password email from Identity's token.</summary>
public static class PasswordLinks
{
    public static string Reset(NavigationManager navigation, string token)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var url = navigation.GetUriWithQueryParameters(
            navigation.ToAbsoluteUri("Account/ResetPassword").AbsoluteUri,
            new Dictionary<string, object?> { ["code"] = code });
        return HtmlEncoder.Default.Encode(url);
    }
}
