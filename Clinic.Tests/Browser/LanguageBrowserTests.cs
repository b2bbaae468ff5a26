using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clinic.Tests.Browser;

/// <summary>
/// A patient who reads Bangla: one tap in the app bar and the clinic speaks it, through sign-in, a
/// doctor's week, the booking and the live update after it, until they tap back to English. The
/// front desk works its queue in Bangla the same way.
/// </summary>
public sealed class LanguageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_patient_switches_to_Bangla_signs_in_and_books_in_it_then_switches_back()
    {
        Guid tanvir;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            tanvir = await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
        var day = BrowserSteps.TanvirOpenDay(4);
        await using var context = await browser.NewContextAsync(375, 812);
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.GotoAsync("/");
            await page.WaitForInteractiveAsync();
            await page.GetByTestId("language-switch").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "bn");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "আমাদের ডাক্তার" })).ToBeVisibleAsync();

            // The sign-in page (static, no circuit) speaks it too.
            await page.GotoAsync("/Account/Login");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "সাইন ইন" })).ToBeVisibleAsync();
            await page.GetByLabel("ইমেইল").FillAsync("shirin@patients.example");
            await page.GetByLabel("পাসওয়ার্ড").FillAsync(browser.App.DemoPassword);
            await page.GetByTestId("sign-in").ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login"), new() { WaitUntil = WaitUntilState.Commit });
            await page.WaitForInteractiveAsync();

            // The doctor's week, drawn on the circuit: its buttons, and its chips as a booking changes them live.
            await page.GotoAsync($"/doctors/{tanvir}");
            await page.WaitForInteractiveAsync();
            var dayCell = page.Locator($"[data-testid=day-cell][data-date='{day:yyyy-MM-dd}']");
            await dayCell.ClickAsync();
            await Assertions.Expect(dayCell).ToHaveAttributeAsync("aria-pressed", "true");
            var slot = page.GetByTestId("slot").Filter(new() { Has = page.GetByTestId("slot-book") }).First;
            await Assertions.Expect(slot.GetByTestId("slot-state")).ToHaveTextAsync("খালি");
            var start = await slot.GetAttributeAsync("data-start");
            await slot.GetByTestId("slot-book").ClickAsync();
            await Assertions.Expect(page.GetByTestId("book-confirm")).ToHaveTextAsync("এই সময়ের অনুরোধ পাঠান");
            await page.GetByTestId("book-confirm").ClickAsync();
            await Assertions.Expect(page.GetByTestId("booked-message")).ToContainTextAsync("অনুরোধ পাঠানো হয়েছে");
            var booked = page.Locator($"[data-testid=slot][data-start='{start}']");
            await Assertions.Expect(booked.GetByTestId("slot-state")).ToHaveTextAsync("পূর্ণ");

            await page.GotoAsync("/patient/appointments");
            await page.WaitForInteractiveAsync();
            var card = page.GetByTestId("appointment-card").Filter(new() { HasText = "Dr. Tanvir Ahmed" });
            await Assertions.Expect(card.GetByTestId("status-badge")).ToHaveTextAsync("অপেক্ষমাণ");

            // And back: the same page in English.
            await page.GetByTestId("language-switch").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/patient/appointments$"));
            await Assertions.Expect(card.GetByTestId("status-badge")).ToHaveTextAsync("Pending");
        });
    }

    [Fact]
    public async Task The_desk_confirms_a_request_in_Bangla_and_the_queue_says_so_live()
    {
        var requestId = await browser.App.RequestNextFreeAsync("mitu@patients.example", "Imran", "Desk in Bangla: fever");
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.SignInAsync("staff2@gomoti.example", browser.App.DemoPassword);
            await page.GetByTestId("language-switch").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "bn");
            await page.GotoAsync("/clinic/requests?branch=all");
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "অনুমোদনের অপেক্ষায় অনুরোধ" })).ToBeVisibleAsync();

            var row = page.Locator("tr", new() { HasText = "Desk in Bangla: fever" });
            await Assertions.Expect(row.GetByTestId("request-confirm")).ToHaveTextAsync("নিশ্চিত করুন");
            await row.GetByTestId("request-confirm").ClickAsync();

            await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("নিশ্চিত হয়েছে: Mitu Akter");
            await Assertions.Expect(row).ToHaveCountAsync(0);
            await page.GotoAsync($"/appointments/{requestId}");
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("status-badge").First).ToHaveTextAsync("নিশ্চিত");
        });
    }
}
