using Clinic.Data.Persistence;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clinic.Tests.Browser;

/// <summary>
/// Each role's pages, on the demo clinic in full swing, in the light and the dark theme, meet WCAG 2.1
/// A and AA as axe-core checks them: text readable against its background, links told apart from the
/// words around them, every control named, the name said matching the name shown. The roles are split
/// over three classes below so that their checks run beside the rest of the suite, not one after another.
/// </summary>
public abstract class AccessibilityBrowserTests(LivingClinicBrowserFixture browser)
{
    private static readonly string[] Wcag21AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <param name="language">Read in this language (chosen after signing in, as the sign-in form is found by its English labels).</param>
    protected async Task CheckAsync(string? email, string[] paths, string? language = null)
    {
        var places = await PlacesAsync();
        var found = new List<string>();
        foreach (var theme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = browser.BaseUrl,
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                ColorScheme = theme,
            });
            var page = await context.NewPageAsync();
            await BrowserSteps.RunAsync([page], async () =>
            {
                if (email is not null)
                    await page.SignInAsync(email, browser.App.DemoPassword);
                if (language is not null)
                    await page.GotoAsync($"/language/{language}?back=/");
                foreach (var path in paths)
                {
                    var address = places.Aggregate(path, (text, place) => text.Replace(place.Key, place.Value, StringComparison.Ordinal));
                    await page.GotoAsync(address);
                    if (await page.Locator("[data-interactive]").CountAsync() > 0)
                        await page.WaitForInteractiveAsync();
                    // What loads once the page is live (lists, badges) is checked too.
                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    // Legacy mode runs axe in the page itself: our pages have no frames, and the default mode
                    // opens a new browser page to finish every check, which doubled this class's time.
#pragma warning disable CS0618 // Deque marks legacy mode obsolete; it is still shipped in 4.14
                    var results = await page.RunAxeLegacy(options: new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Wcag21AA] } });
#pragma warning restore CS0618
                    found.AddRange(results.Violations.SelectMany(violation => violation.Nodes.Select(node =>
                        $"{theme} {path}: {violation.Help} [{violation.Id}] at {string.Join(" ", node.Target)}: {Describe(node)}")));
                }
            });
        }

        found.Should().BeEmpty();
    }

    private static string Describe(AxeResultNode node) =>
        string.Join(" | ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message));

    private async Task<Dictionary<string, string>> PlacesAsync()
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var ayesha = await db.Users.Where(u => u.Email == "ayesha@patients.example").Select(u => u.Id).SingleAsync();
        // An unread notification whatever the demo's day made (its row then has a "Mark read" beside it).
        if (!await db.Notifications.AnyAsync(n => n.UserId == ayesha && n.ReadUtc == null))
        {
            db.Notifications.Add(Clinic.Domain.Notifications.Notification.Create(ayesha, Clinic.Domain.Notifications.NotificationKind.System,
                "Clinic closed on Friday", "The clinic is closed this Friday for a public holiday.", null, browser.App.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }
        return new Dictionary<string, string>
        {
            ["{tanvir}"] = (await db.Doctors.Where(d => d.FullName.Contains("Tanvir")).Select(d => d.Id).SingleAsync()).ToString(),
            ["{farhana}"] = (await db.Doctors.Where(d => d.FullName.Contains("Farhana")).Select(d => d.Id).SingleAsync()).ToString(),
            ["{ayesha}"] = ayesha,
            ["{visit}"] = (await db.Appointments.Where(a => a.PatientUserId == ayesha).OrderByDescending(a => a.StartUtc).Select(a => a.Id).FirstAsync()).ToString(),
        };
    }
}

public sealed class PublicAndPatientAccessibilityBrowserTests(LivingClinicBrowserFixture browser) : AccessibilityBrowserTests(browser), IClassFixture<LivingClinicBrowserFixture>
{
    [Theory]
    [InlineData(null, new[] { "/", "/doctors", "/doctors/{tanvir}", "/Account/Login", "/Account/Register" })]
    [InlineData("ayesha@patients.example", new[] { "/patient", "/patient/appointments", "/patient/profile", "/doctors/{farhana}", "/appointments/{visit}", "/notifications", "/messages" })]
    public Task Every_page_of_a_role_meets_WCAG_AA_in_the_light_and_the_dark_theme(string? email, string[] paths) => CheckAsync(email, paths);

    [Theory]
    [InlineData(null, new[] { "/", "/doctors/{tanvir}", "/Account/Register" })]
    [InlineData("ayesha@patients.example", new[] { "/patient/appointments", "/appointments/{visit}" })]
    public Task The_patient_s_pages_in_Bangla_meet_WCAG_AA_too(string? email, string[] paths) => CheckAsync(email, paths, "bn");
}

public sealed class FrontDeskAccessibilityBrowserTests(LivingClinicBrowserFixture browser) : AccessibilityBrowserTests(browser), IClassFixture<LivingClinicBrowserFixture>
{
    [Theory]
    [InlineData("staff1@gomoti.example", new[] { "/staff", "/clinic/frontdesk", "/clinic/agenda", "/clinic/requests", "/clinic/appointments", "/clinic/book", "/clinic/patients", "/clinic/patients/{ayesha}", "/clinic/availability", "/appointments/{visit}", "/appointments/{visit}/receipt", "/messages" })]
    public Task Every_page_of_a_role_meets_WCAG_AA_in_the_light_and_the_dark_theme(string? email, string[] paths) => CheckAsync(email, paths);

    // Another desk member, so the choice kept on the account leaves the English run as it was.
    [Theory]
    [InlineData("staff2@gomoti.example", new[] { "/clinic/frontdesk", "/clinic/requests", "/clinic/agenda", "/clinic/patients/{ayesha}" })]
    public Task The_desk_s_pages_in_Bangla_meet_WCAG_AA_too(string? email, string[] paths) => CheckAsync(email, paths, "bn");
}

public sealed class OwnerAndDoctorAccessibilityBrowserTests(LivingClinicBrowserFixture browser) : AccessibilityBrowserTests(browser), IClassFixture<LivingClinicBrowserFixture>
{
    [Theory]
    [InlineData("owner@gomoti.example", new[] { "/owner", "/owner/takings", "/owner/team", "/owner/branches", "/owner/types", "/owner/settings", "/owner/profile" })]
    [InlineData("tanvir.ahmed@gomoti.example", new[] { "/doctor", "/doctor/schedule" })]
    public Task Every_page_of_a_role_meets_WCAG_AA_in_the_light_and_the_dark_theme(string? email, string[] paths) => CheckAsync(email, paths);

    // Another doctor, so the choice kept on the account leaves the English run as it was; the owner's
    // pages in Bangla are checked for their words by LanguageTests.
    [Theory]
    [InlineData("nusrat.jahan@gomoti.example", new[] { "/doctor", "/doctor/schedule" })]
    public Task A_doctor_s_pages_in_Bangla_meet_WCAG_AA_too(string? email, string[] paths) => CheckAsync(email, paths, "bn");
}
