using System.Diagnostics;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Clinic.Tests.Browser;

/// <summary>
/// A real network cut: the page's connection runs through a relay that resets it, so the WebSocket
/// truly closes (Playwright's offline flag alone leaves an open WebSocket alone). While the page is
/// away the doctor disables a slot; when the network is back the page must show it within a second.
/// </summary>
public sealed class ReconnectBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private async Task<(Guid DoctorId, Actor Doctor)> TanvirAsync()
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var id = await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
        var user = await db.Users.Where(u => u.Email == "tanvir.ahmed@gomoti.example").Select(u => u.Id).SingleAsync();
        return (id, Actor.Of(user, ClinicRoles.Doctor));
    }

    [Theory]
    [InlineData(true, 1_500)]  // the browser notices: offline, then online again
    [InlineData(false, 2_000)] // only the relay drops: the retry schedule alone must find the way back
    public async Task After_a_12_second_outage_the_page_shows_the_truth_within_a_second_or_so_of_the_network_s_return(bool browserNotices, int withinMs)
    {
        var (doctorId, doctor) = await TanvirAsync();
        var date = BrowserSteps.TanvirWorkingDay(3);
        var startUtc = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(browserNotices ? new TimeOnly(11, 30) : new TimeOnly(12, 0)), BrowserSteps.Dhaka);
        await using var proxy = new CuttableProxy(new Uri(browser.BaseUrl));
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = proxy.Address });
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.GotoAsync($"/doctors/{doctorId}");
            await page.WaitForInteractiveAsync();
            await page.Locator($"[data-testid=day-cell][data-date='{date:yyyy-MM-dd}']").ClickAsync();
            var slot = page.Locator($"[data-testid=slot][data-start='{startUtc:O}']").GetByTestId("slot-state");
            await Assertions.Expect(slot).ToHaveAttributeAsync("data-state", "Available");

            proxy.Cut();
            if (browserNotices)
                await context.SetOfflineAsync(true);
            await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync(new() { Timeout = 5_000 });
            var disabled = await browser.App.Services.GetRequiredService<ScheduleEditor>().SetSlotAsync(doctor, doctorId, startUtc, SlotAction.Disable);
            disabled.Succeeded.Should().BeTrue(disabled.Error);
            await Task.Delay(TimeSpan.FromSeconds(12));
            await Assertions.Expect(slot).ToHaveAttributeAsync("data-state", "Available", new() { Timeout = 1_000 });

            var back = Stopwatch.StartNew();
            proxy.Restore();
            if (browserNotices)
                await context.SetOfflineAsync(false);
            // Waited for by selector, which the page checks on every frame: an expectation polls at
            // 100, 250, 500, then 1,000 ms, and would add up to a second to what is timed.
            await page.Locator($"[data-testid=slot][data-start='{startUtc:O}'] [data-testid=slot-state][data-state=Disabled]").WaitForAsync(new() { Timeout = 15_000 });
            back.Stop();

            output.WriteLine($"Network back ({(browserNotices ? "browser told" : "relay only")}): the page showed the disabled slot after {back.ElapsedMilliseconds} ms.");
            back.ElapsedMilliseconds.Should().BeLessThan(withinMs);
            await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
        });
    }
}
