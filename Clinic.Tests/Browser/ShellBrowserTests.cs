using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Clinic.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Clinic.Tests.Browser;

public sealed class ShellBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_patient_registers_confirms_the_emailed_link_and_lands_on_the_patient_home()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"farzana-{Guid.NewGuid():N}@patients.example";
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.GotoAsync("/");
            await page.GetByTestId("hero-register").ClickAsync();
            await page.WaitForURLAsync("**/Account/Register");
            // The link is an enhanced navigation: the URL changes before the form replaces the page.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.GetByLabel("Full name").FillAsync("Farzana Begum");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Phone").FillAsync("+880 1911 222333");
            await page.GetByLabel("Date of birth").FillAsync("1993-08-09");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Str0ng-Pass!");
            await page.GetByLabel("Confirm password").FillAsync("Str0ng-Pass!");
            await page.GetByTestId("register").ClickAsync();
            await Assertions.Expect(page.GetByTestId("register-check-email")).ToContainTextAsync(email);
            var mail = await browser.App.WaitForMessageAsync(email, "Confirm your email");
            await page.GotoAsync(Clinic.Tests.Support.Mailbox.LinkIn(mail, "ConfirmEmail").PathAndQuery);

            await page.WaitForURLAsync("**/patient");
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("patient-welcome")).ToHaveTextAsync("Welcome, Farzana Begum");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "My profile" })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Registering_from_a_doctor_s_page_returns_to_that_doctor_once_the_email_is_confirmed()
    {
        await using var context = await browser.NewContextAsync(375, 812);
        var page = await context.NewPageAsync();
        var email = $"nadia-{Guid.NewGuid():N}@patients.example";
        Guid nusrat;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<Clinic.Data.Persistence.ClinicDbContext>>().CreateDbContextAsync())
            nusrat = await db.Doctors.Where(d => d.FullName == "Dr. Nusrat Jahan").Select(d => d.Id).SingleAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.GotoAsync($"/doctors/{nusrat}");
            await page.WaitForInteractiveAsync();
            await page.GetByTestId("register-to-book").ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/Account/Register?ReturnUrl="));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.GetByLabel("Full name").FillAsync("Nadia Islam");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Phone").FillAsync("+880 1911 444555");
            await page.GetByLabel("Date of birth").FillAsync("1990-02-11");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Str0ng-Pass!");
            await page.GetByLabel("Confirm password").FillAsync("Str0ng-Pass!");
            await page.GetByTestId("register").ClickAsync();
            await Assertions.Expect(page.GetByTestId("register-check-email")).ToContainTextAsync(email);
            var mail = await browser.App.WaitForMessageAsync(email, "Confirm your email");
            await page.GotoAsync(Clinic.Tests.Support.Mailbox.LinkIn(mail, "ConfirmEmail").PathAndQuery);

            await page.WaitForURLAsync($"**/doctors/{nusrat}");
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("register-to-book")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        });
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_closes_on_the_scrim_or_Escape_takes_a_visitor_to_a_doctor_and_the_week_switches()
    {
        await using var context = await browser.NewContextAsync(375, 812);
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.GotoAsync("/");
            await page.WaitForInteractiveAsync();
            // What a person sees: the drawer on the screen or not (hidden or slid away both count as not).
            var drawer = page.Locator("aside.mud-drawer");
            var scrim = page.Locator("[data-drawer-scrim]");
            await Assertions.Expect(drawer).Not.ToBeInViewportAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
            await Assertions.Expect(drawer).ToBeInViewportAsync();
            await Assertions.Expect(scrim).ToBeVisibleAsync();
            await scrim.ClickAsync(new() { Position = new() { X = 350, Y = 400 } });
            await Assertions.Expect(drawer).Not.ToBeInViewportAsync();
            await Assertions.Expect(scrim).Not.ToBeVisibleAsync();

            // Escape closes it too, and the menu button has the focus again.
            var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
            await toggle.ClickAsync();
            await Assertions.Expect(drawer).ToBeInViewportAsync();
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(drawer).Not.ToBeInViewportAsync();
            await Assertions.Expect(scrim).Not.ToBeVisibleAsync();
            await Assertions.Expect(toggle).ToBeFocusedAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Find a doctor" }).ClickAsync();

            await page.WaitForURLAsync("**/doctors");
            await Assertions.Expect(drawer).Not.ToBeInViewportAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Find a doctor" }))
                .ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bactive\b"));

            // A doctor's page loads afresh (it is static around its week): the week answers once live.
            await page.GetByTestId("doctor-availability-link").First.ClickAsync();
            await page.WaitForURLAsync("**/doctors/*");
            // The address changes before the old page goes, and the old page was live too: wait for this
            // page's own week to be live, or the click lands on the week drawn before the circuit started.
            await page.Locator("[data-interactive=true] [data-testid=week-label]").WaitForAsync(new() { Timeout = 30_000 });
            var firstWeek = await page.GetByTestId("week-label").InnerTextAsync();
            await Assertions.Expect(page.GetByTestId("previous-week")).ToBeDisabledAsync();
            await page.GetByTestId("next-week").ClickAsync();
            await Assertions.Expect(page.GetByTestId("week-label")).Not.ToHaveTextAsync(firstWeek);
            await Assertions.Expect(page.GetByTestId("previous-week")).ToBeEnabledAsync();
        });
    }

    [Fact]
    public async Task On_a_wide_screen_the_menu_stays_open_while_browsing_and_the_toggle_hides_and_shows_it()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.GotoAsync("/");
            await page.WaitForInteractiveAsync();
            var drawer = page.Locator("aside.mud-drawer");
            var findADoctor = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Find a doctor" });
            await Assertions.Expect(drawer).ToBeInViewportAsync();

            await findADoctor.ClickAsync();
            await page.WaitForURLAsync("**/doctors");
            await Assertions.Expect(drawer).ToBeInViewportAsync();
            await Assertions.Expect(page.Locator("[data-drawer-scrim]")).Not.ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".mud-main-content")).Not.ToHaveCSSAsync("margin-left", "0px");

            await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
            await Assertions.Expect(drawer).Not.ToBeInViewportAsync();
            // The page takes the room the drawer leaves.
            await Assertions.Expect(page.Locator(".mud-main-content")).ToHaveCSSAsync("margin-left", "0px");

            // Still closed after the next page, and opened again by the toggle.
            await page.GetByTestId("doctor-availability-link").First.ClickAsync();
            await Assertions.Expect(page.GetByTestId("week-label")).ToBeVisibleAsync();
            await Assertions.Expect(drawer).Not.ToBeInViewportAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
            await Assertions.Expect(drawer).ToBeInViewportAsync();
        });
    }

    [Fact]
    public async Task The_theme_switch_turns_the_page_dark_and_back()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.GotoAsync("/doctors");
            await page.WaitForInteractiveAsync();
            var background = () => page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.mud-main-content')).getPropertyValue('--mud-palette-background').trim()");
            var light = await background();
            var theme = page.GetByRole(AriaRole.Button, new() { Name = "Switch theme" });
            await Assertions.Expect(theme).ToHaveAttributeAsync("title", "Dark theme");

            await theme.ClickAsync();

            await Assertions.Expect(theme).ToHaveAttributeAsync("title", "Light theme");
            (await background()).Should().NotBe(light);
            await theme.ClickAsync();
            await Assertions.Expect(theme).ToHaveAttributeAsync("title", "Dark theme");
            (await background()).Should().Be(light);
        });
    }

    [Fact]
    public async Task The_owner_signs_in_and_sees_the_owner_navigation()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.SignInAsync("owner@gomoti.example", browser.App.DemoPassword);

            page.Url.Should().EndWith("/owner");
            var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Owner dashboard" })).ToBeVisibleAsync();
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Team" })).ToBeVisibleAsync();
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My profile" })).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("stat-doctors").GetByTestId("stat-value")).ToHaveTextAsync("4");
        });
    }

    [Fact]
    public async Task Signing_out_from_the_account_menu_ends_the_session()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.SignInAsync("staff1@gomoti.example", browser.App.DemoPassword);
            await Assertions.Expect(page.GetByTestId("user-menu")).ToContainTextAsync("Sadia Islam");

            await page.GetByTestId("user-menu").ClickAsync();
            await page.GetByTestId("sign-out").ClickAsync();

            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            await page.GotoAsync("/staff");
            await page.WaitForURLAsync("**/Account/Login**");
        });
    }

    [Fact]
    public async Task The_account_menu_opens_on_a_static_doctor_s_page_too_closes_on_Escape_and_after_following_its_link()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.SignInAsync("ayesha@patients.example", browser.App.DemoPassword);
            var menu = page.Locator("#account-menu");
            await page.GotoAsync("/patient/appointments");
            await page.WaitForInteractiveAsync();

            await page.GetByTestId("user-menu").ClickAsync();
            await Assertions.Expect(menu.GetByRole(AriaRole.Menuitem, new() { Name = "My home" })).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(menu).Not.ToBeVisibleAsync();

            // Following a link in it closes it: the page's elements stay across the navigation.
            await page.GetByTestId("user-menu").ClickAsync();
            await menu.GetByRole(AriaRole.Menuitem, new() { Name = "My home" }).ClickAsync();
            await page.WaitForURLAsync("**/patient");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Ayesha Siddiqua" })).ToBeVisibleAsync();
            await Assertions.Expect(menu).Not.ToBeVisibleAsync();

            // A doctor's page has no circuit around its week: the menu opens all the same.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Find a doctor" }).ClickAsync();
            await page.GetByTestId("doctor-availability-link").First.ClickAsync();
            await page.WaitForURLAsync("**/doctors/*");
            await page.GetByTestId("user-menu").ClickAsync();
            await Assertions.Expect(menu.GetByRole(AriaRole.Menuitem, new() { Name = "Change password" })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task A_patient_who_types_an_owner_address_is_refused()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.SignInAsync("shirin@patients.example", browser.App.DemoPassword);

            await page.GotoAsync("/owner/team");

            await page.WaitForURLAsync("**/Account/AccessDenied**");
            await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Add a team member")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task An_edited_doctor_profile_appears_on_an_open_doctor_list_without_a_reload()
    {
        await using var visitorContext = await browser.NewContextAsync(375, 812);
        await using var ownerContext = await browser.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        var owner = await ownerContext.NewPageAsync();
        await BrowserSteps.RunAsync([visitor, owner], async () =>
        {
            await visitor.GotoAsync("/");
            await visitor.WaitForInteractiveAsync();
            var card = visitor.GetByTestId("doctor-card").Filter(new() { HasText = "Dr. Farhana Rahman" });
            await Assertions.Expect(card.GetByTestId("doctor-specialization")).ToHaveTextAsync("Medicine");
            var navigations = 0;
            visitor.FrameNavigated += (_, _) => navigations++;

            await owner.SignInAsync("owner@gomoti.example", browser.App.DemoPassword);
            await owner.GotoAsync("/owner/team");
            await owner.WaitForInteractiveAsync();
            await owner.Locator("tr", new() { HasText = "Dr. Farhana Rahman" }).GetByTestId("edit-doctor").ClickAsync();
            var dialog = owner.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Specialization").FillAsync("Internal medicine & diabetes");
            var clock = Stopwatch.StartNew();
            await dialog.GetByTestId("doctor-save").ClickAsync();

            await Assertions.Expect(card.GetByTestId("doctor-specialization")).ToHaveTextAsync("Internal medicine & diabetes", new() { Timeout = 5_000 });
            output.WriteLine($"Live: a profile change reached the other browser in {clock.ElapsedMilliseconds} ms.");
            navigations.Should().Be(0, "the list must update in place, not by reloading the page");
        });
    }

    [Fact]
    public async Task A_failing_browser_test_leaves_a_screenshot_behind()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var shot = Path.Combine(BrowserSteps.FailureFolder, "screenshot-probe-0.png");

        var failing = () => BrowserSteps.RunAsync([page], () => throw new InvalidOperationException("the step failed"), "screenshot-probe");

        await failing.Should().ThrowAsync<InvalidOperationException>().WithMessage("the step failed");
        File.Exists(shot).Should().BeTrue();
        new FileInfo(shot).Length.Should().BeGreaterThan(1000);
        File.Delete(shot);
    }
}
