using Clinic.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Clinic.Tests.Browser;

/// <summary>
/// What a person does while a page is still the server's first drawing (its circuit not started: on
/// a slow phone connection, a second or more) is not lost: a tap is held and made once the page is
/// live, and what was typed is still there. The circuit's start is held back here, as a slow
/// connection would.
/// </summary>
public sealed class WhileStartingBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan SlowStart = TimeSpan.FromSeconds(2);

    /// <summary>The circuit starts only once this is set (or after a long wait, so nothing hangs).</summary>
    private static async Task<TaskCompletionSource> HoldCircuitStartAsync(IPage page)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            await Task.WhenAny(go.Task, Task.Delay(TimeSpan.FromSeconds(60)));
            await route.ContinueAsync();
        });
        return go;
    }

    [Fact]
    public async Task A_slot_tapped_before_the_doctors_page_is_live_opens_the_booking_once_it_is()
    {
        var doctorId = await TanvirAsync();
        await using var context = await browser.NewContextAsync(375, 812);
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.SignInAsync("rahim@patients.example", browser.App.DemoPassword);
            var go = await HoldCircuitStartAsync(page);
            await page.GotoAsync($"/doctors/{doctorId}");
            var live = page.Locator("[data-interactive=true]");
            // Still drawn by the server: the tap has nothing to answer it yet.
            await Assertions.Expect(page.Locator("[data-starting]")).ToHaveCountAsync(1);
            var slot = page.Locator("[data-testid=slot]").Filter(new() { Has = page.GetByTestId("slot-book") }).First;
            var start = await slot.GetAttributeAsync("data-start");
            await slot.GetByTestId("slot-book").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new Regex("clinic-click-held"));
            await Task.Delay(SlowStart);
            await Assertions.Expect(live).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("book-note")).ToHaveCountAsync(0);

            go.SetResult();
            await page.WaitForInteractiveAsync();
            // The held tap is made on the same slot once the week is live.
            await Assertions.Expect(page.GetByTestId("book-note")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync(TimeOfDay(start!));
            await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync(new Regex("clinic-click-held"));
        });
    }

    [Fact]
    public async Task A_tab_tapped_before_a_page_is_live_is_chosen_once_it_is_and_the_menu_button_needs_no_wait()
    {
        await using var context = await browser.NewContextAsync(375, 812);
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.SignInAsync("ayesha@patients.example", browser.App.DemoPassword);
            var go = await HoldCircuitStartAsync(page);
            await page.GotoAsync("/patient/appointments");
            await Assertions.Expect(page.Locator("[data-starting]")).ToHaveCountAsync(1);

            // The menu works in the browser alone: not held.
            await page.GetByLabel("Toggle navigation").ClickAsync();
            await Assertions.Expect(page.Locator(".clinic-drawer")).ToHaveClassAsync(new Regex("mud-drawer--open"));
            await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync(new Regex("clinic-click-held"));
            await page.Keyboard.PressAsync("Escape");

            var past = page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Past") });
            await past.ClickAsync();
            await Task.Delay(SlowStart);
            await Assertions.Expect(past).Not.ToHaveClassAsync(new Regex("mud-tab-active"));

            go.SetResult();
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Past") }))
                .ToHaveClassAsync(new Regex("mud-tab-active"));
        });
    }

    [Fact]
    public async Task A_name_typed_into_the_search_before_the_page_is_live_stays_and_filters_the_doctors_once_it_is()
    {
        await using var context = await browser.NewContextAsync(375, 812);
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            var go = await HoldCircuitStartAsync(page);
            await page.GotoAsync("/doctors");
            await Assertions.Expect(page.Locator("[data-starting]")).ToHaveCountAsync(1);
            var search = page.GetByTestId("name-filter");
            await search.PressSequentiallyAsync("Nusrat");
            await Assertions.Expect(page.GetByTestId("doctor-list")).ToContainTextAsync("Tanvir");

            go.SetResult();
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(search).ToHaveValueAsync("Nusrat");
            await Assertions.Expect(page.GetByTestId("doctor-list")).ToContainTextAsync("Dr. Nusrat Jahan");
            await Assertions.Expect(page.GetByTestId("doctor-list")).Not.ToContainTextAsync("Tanvir");
            // The caret is back in the field: typing goes on there.
            await page.Keyboard.PressAsync("Backspace");
            await Assertions.Expect(search).ToHaveValueAsync("Nusra");
        });
    }

    [Fact]
    public async Task A_type_of_visit_chosen_before_the_doctors_page_is_live_is_kept_and_shapes_the_week_once_it_is()
    {
        var doctorId = await TanvirAsync();
        await using var context = await browser.NewContextAsync(375, 812);
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            var go = await HoldCircuitStartAsync(page);
            await page.GotoAsync($"/doctors/{doctorId}");
            await Assertions.Expect(page.Locator("[data-starting]")).ToHaveCountAsync(1);
            // The browser's own list works before the page is live (chosen here with the keyboard, as a
            // person does: a choice made by a script is not a person's); the page does not hear it yet.
            var type = page.GetByTestId("visit-type");
            await type.FocusAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            var chosen = await type.InputValueAsync();
            chosen.Should().NotBeEmpty();
            await Task.Delay(SlowStart);
            await Assertions.Expect(page.GetByTestId("visit-type-swatch")).ToHaveCountAsync(0);

            go.SetResult();
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(type).ToHaveValueAsync(chosen);
            await Assertions.Expect(page.GetByTestId("visit-type-swatch")).ToBeVisibleAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"type={chosen}"));
        });
    }

    [Fact]
    public async Task A_select_tapped_before_a_page_is_live_opens_its_list_once_it_is()
    {
        await using var context = await browser.NewContextAsync(375, 812);
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.SignInAsync("staff1@gomoti.example", browser.App.DemoPassword);
            var go = await HoldCircuitStartAsync(page);
            await page.GotoAsync("/clinic/book");
            await Assertions.Expect(page.Locator("[data-starting]")).ToHaveCountAsync(1);
            await page.GetByTestId("book-doctor").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new Regex("clinic-click-held"));
            await Task.Delay(SlowStart);
            await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);

            go.SetResult();
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "Dr. Tanvir Ahmed (Cardiology, Dhanmondi)" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync(new Regex("clinic-click-held"));
        });
    }

    private static string TimeOfDay(string startUtc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.Parse(startUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal), BrowserSteps.Dhaka)
            .ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Guid> TanvirAsync()
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Doctors.Where(d => d.FullName.Contains("Tanvir")).Select(d => d.Id).SingleAsync();
    }
}
