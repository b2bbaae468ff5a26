using System.Net;
using System.Text.RegularExpressions;

namespace Clinic.Tests.Support;

/// <summary>Fills and posts the statically rendered account forms the way a browser does.</summary>
public static partial class HttpForms
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string formName, IDictionary<string, string> fields)
    {
        var page = await client.GetAsync(path);
        page.StatusCode.Should().Be(HttpStatusCode.OK, $"the form at {path} should load");
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        token.Success.Should().BeTrue($"the form at {path} should carry an antiforgery token");

        var body = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = formName,
        };
        foreach (Match hidden in HiddenInput().Matches(html))
            body.TryAdd(WebUtility.HtmlDecode(hidden.Groups[1].Value), WebUtility.HtmlDecode(hidden.Groups[2].Value));
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string email, string password, string fullName = "Test Patient",
        string phone = "+880 1711 123456", string dateOfBirth = "1990-05-17") =>
        client.PostFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.FullName"] = fullName,
            ["Input.Email"] = email,
            ["Input.Phone"] = phone,
            ["Input.DateOfBirth"] = dateOfBirth,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    public static string AntiforgeryTokenIn(string html)
    {
        var token = AntiforgeryToken().Match(html);
        token.Success.Should().BeTrue("the page should carry an antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public static string? RedirectPath(this HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString)
            : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<input type=\"hidden\" name=\"(Input\\.[^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
