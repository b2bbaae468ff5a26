using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Clinic.Tests.Browser;

/// <summary>A change made through the API reaches open pages exactly as one made on a page does.</summary>
public sealed class ApiLiveBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_booking_through_the_api_appears_on_the_doctors_open_dashboard_without_a_reload()
    {
        Guid imran;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            imran = await db.Doctors.Where(d => d.FullName == "Dr. Imran Hossain").Select(d => d.Id).SingleAsync();
        using var api = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var week = await api.GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{imran}/availability?days=7");
        var slot = week.GetProperty("slots").EnumerateArray().First(s => s.GetProperty("state").GetString() == "Available");
        var date = DateOnly.FromDateTime(slot.GetProperty("localStart").GetDateTime());

        await using var context = await browser.NewContextAsync();
        var doctor = await context.NewPageAsync();
        await BrowserSteps.RunAsync([doctor], async () =>
        {
            await doctor.SignInAsync("imran.hossain@gomoti.example", browser.App.DemoPassword);
            await doctor.GotoAsync("/doctor");
            await doctor.WaitForInteractiveAsync();
            var day = doctor.Locator($"[data-testid=load-day][data-date='{date:yyyy-MM-dd}']");
            var before = int.Parse((await day.GetAttributeAsync("data-bookings"))!);
            var bell = doctor.GetByTestId("bell");
            var unread = int.Parse((await bell.GetAttributeAsync("data-unread"))!);

            var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "shirin@patients.example", password = browser.App.DemoPassword });
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var clock = Stopwatch.StartNew();
            (await api.PostAsJsonAsync("/api/v1/appointments", new { doctorId = imran, startUtc = slot.GetProperty("startUtc").GetDateTime() })).EnsureSuccessStatusCode();

            await Assertions.Expect(day).ToHaveAttributeAsync("data-bookings", (before + 1).ToString(), new() { Timeout = 5_000 });
            output.WriteLine($"Live: an API booking reached the doctor's open dashboard in {clock.ElapsedMilliseconds} ms.");
            await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", (unread + 1).ToString());
        });
    }
}
