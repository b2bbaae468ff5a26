using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Clinic.Tests.Browser;

/// <summary>
/// The Content-Security-Policy refuses inline scripts and other sites' scripts: every page of every
/// role must still load, go interactive and break none of its rules (Blazor and MudBlazor included).
/// </summary>
public sealed class SecurityPolicyBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly Dictionary<string, string[]> PagesByRole = new()
    {
        [""] = ["/", "/doctors", "/Account/Login", "/Account/Register", "/Account/ForgotPassword"],
        ["ayesha@patients.example"] = ["/patient", "/patient/appointments", "/patient/profile", "/messages", "/notifications"],
        ["owner@gomoti.example"] = ["/owner", "/owner/team", "/owner/settings", "/clinic/requests", "/clinic/appointments", "/clinic/frontdesk", "/clinic/book", "/clinic/availability", "/clinic/patients", "/clinic/agenda"],
        ["tanvir.ahmed@gomoti.example"] = ["/doctor", "/doctor/schedule"],
        ["staff1@gomoti.example"] = ["/staff"],
    };

    [Fact]
    public async Task Every_role_s_pages_run_under_the_policy_without_a_single_violation()
    {
        var violations = new List<string>();
        foreach (var (email, paths) in PagesByRole)
        {
            await using var context = await browser.NewContextAsync();
            await context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
            var page = await context.NewPageAsync();
            page.Console += (_, message) =>
            {
                if (message.Type == "error" && (message.Text.Contains("CSP violation") || message.Text.Contains("Content Security Policy")))
                    lock (violations)
                        violations.Add($"{page.Url}: {message.Text}");
            };
            await BrowserSteps.RunAsync([page], async () =>
            {
                if (email.Length > 0)
                    await page.SignInAsync(email, browser.App.DemoPassword);
                foreach (var path in paths)
                {
                    var response = await page.GotoAsync(path);
                    response!.Status.Should().Be(200, path);
                    if (!path.StartsWith("/Account", StringComparison.Ordinal))
                        await page.WaitForInteractiveAsync();
                    output.WriteLine($"{(email.Length > 0 ? email : "anonymous")} {path}: loaded");
                }
            });
        }

        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task An_injected_inline_script_is_refused_by_the_browser()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();

        // What stored XSS would try: an inline script slipped into the page.
        var ran = await page.EvaluateAsync<bool>(@"() => new Promise(resolve => {
            window.__injected = false;
            const s = document.createElement('script');
            s.textContent = 'window.__injected = true;';
            document.body.appendChild(s);
            setTimeout(() => resolve(window.__injected), 200);
        })");

        ran.Should().BeFalse("the policy allows only the site's own script files and the page's nonce");
    }

    [Fact]
    public async Task The_API_reference_loads_everything_from_the_clinic_and_nothing_from_elsewhere()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var elsewhere = new List<string>();
        var origin = new Uri(browser.BaseUrl).GetLeftPart(UriPartial.Authority);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                lock (elsewhere)
                    elsewhere.Add(request.Url);
        };
        await BrowserSteps.RunAsync([page], async () =>
        {
            (await page.GotoAsync("/api/docs"))!.Status.Should().Be(200);
            await Assertions.Expect(page.GetByText("Clinic API").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        });
        elsewhere.Should().BeEmpty("the clinic's API reference works offline and tells no other site who reads it");
    }
}
