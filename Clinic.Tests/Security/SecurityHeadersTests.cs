using System.Net;
using System.Net.Http.Json;
using Clinic.Tests.Support;

namespace Clinic.Tests.Security;

public sealed class SecurityHeadersTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task A_page_carries_a_policy_that_allows_only_the_site_s_own_scripts()
    {
        var page = await app.CreateHttpsClient().GetAsync("/Account/Login");

        var csp = page.Headers.GetValues("Content-Security-Policy").Should().ContainSingle().Subject;
        var scripts = Directive(csp, "script-src");
        scripts.Should().StartWith("script-src 'self' 'nonce-").And.NotContain("unsafe-inline").And.NotContain("unsafe-eval").And.NotContain("*");
        Directive(csp, "style-src").Should().Be("style-src 'self' 'unsafe-inline'");
        csp.Should().Contain("default-src 'self'").And.Contain("object-src 'none'").And.Contain("base-uri 'self'").And.Contain("frame-ancestors 'self'");
        var nonce = scripts.Split("'nonce-")[1].TrimEnd('\'');
        (await page.Content.ReadAsStringAsync()).Should().Contain($"<script type=\"importmap\" nonce=\"{nonce}\"", "the one inline script carries the nonce");
        page.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        page.Headers.GetValues("Referrer-Policy").Should().Equal("same-origin");
    }

    [Fact]
    public async Task Each_page_gets_a_fresh_nonce()
    {
        var client = app.CreateHttpsClient();

        var first = (await client.GetAsync("/Account/Login")).Headers.GetValues("Content-Security-Policy").Single();
        var second = (await client.GetAsync("/Account/Login")).Headers.GetValues("Content-Security-Policy").Single();

        Directive(first, "script-src").Should().NotBe(Directive(second, "script-src"));
    }

    [Fact]
    public async Task Production_asks_browsers_to_use_HTTPS_for_a_year()
    {
        var page = await app.CreateHttpsClient().GetAsync("/Account/Login");

        var hsts = page.Headers.GetValues("Strict-Transport-Security").Single();
        int.Parse(hsts.Split("max-age=")[1].Split(';')[0]).Should().BeGreaterThanOrEqualTo(365 * 24 * 3600);
    }

    [Fact]
    public async Task API_answers_may_not_be_framed_sniffed_or_cached()
    {
        var client = app.CreateHttpsClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "owner@gomoti.example", password = ProductionAppFactory.OwnerPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var me = await client.GetAsync("/api/v1/me");

        me.StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var response in new[] { login, me })
        {
            response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
            response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'");
            response.Headers.CacheControl!.NoStore.Should().BeTrue("tokens and personal data must not sit in a cache");
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        }
    }

    [Fact]
    public async Task Session_and_antiforgery_cookies_are_Secure_HttpOnly_and_Host_prefixed()
    {
        var client = app.CreateHttpsClient();

        var form = await client.GetAsync("/Account/Login");
        var antiforgery = Cookie(form, "__Host-Clinic.Antiforgery");
        var signedIn = await client.SignInAsync("owner@gomoti.example", ProductionAppFactory.OwnerPassword);
        var session = Cookie(signedIn, "__Host-Clinic.Session");

        foreach (var cookie in new[] { antiforgery, session })
            cookie.ToLowerInvariant().Should().Contain("; secure").And.Contain("; httponly").And.Contain("path=/").And.NotContain("domain=");
    }

    [Fact]
    public async Task The_API_description_is_not_public_in_Production_unless_the_clinic_chooses()
    {
        var client = app.CreateHttpsClient();

        (await client.GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/docs")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        await using var publishing = new PublishingDocs();
        (await publishing.CreateHttpsClient().GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private sealed class PublishingDocs : ProductionAppFactory
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["Clinic:Security:PublishApiDocs"] = "true" };
    }

    private static string Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal));

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Should().ContainSingle(c => c.StartsWith(name + "=", StringComparison.Ordinal), $"{name} should be set").Subject
            : throw new Xunit.Sdk.XunitException($"No cookie was set; expected {name}.");
}
