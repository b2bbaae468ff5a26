using System.Net;
using System.Text.RegularExpressions;

namespace Clinic.Benchmarks;

/// <summary>
/// Signs an HTTP client in through the sign-in form, as a browser does, so the circuits it opens
/// carry the person's cookie (the page then renders what a signed-in person's does).
/// </summary>
public static partial class CookieSignIn
{
    public static async Task SignInAsync(HttpClient http, string email, string password)
    {
        var form = await http.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form);
        if (!token.Success)
            throw new InvalidOperationException("The sign-in form carries no antiforgery token.");
        using var answer = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "login",
        }));
        if (answer.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"{email} could not sign in ({(int)answer.StatusCode}).");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
