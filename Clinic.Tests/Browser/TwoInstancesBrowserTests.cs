using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Clinic.Tests.Browser;

/// <summary>
/// Two app instances on one PostgreSQL database and one Redis: a patient's booking on a page of A
/// shows live on the doctor's page open on B; while Redis is down B misses it, and once Redis is back B's page
/// converges without a reload.
/// </summary>
public sealed class TwoInstancesBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly RedisProcess redis = new();
    private ClinicInstances instances = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        instances = ClinicInstances.Start(redis.Address, realServers: true);
        playwright = await Playwright.CreateAsync();
        browser = await BrowserFixture.LaunchChromiumAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await instances.DisposeAsync();
        redis.Dispose();
    }

    private async Task<string> HealthAsync(string url)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        return await http.GetStringAsync("/healthz");
    }

    [Fact]
    public async Task A_booking_on_instance_A_appears_on_instance_B_live_and_B_converges_after_a_Redis_outage_without_a_reload()
    {
        Guid imran;
        await using (var db = await instances.A.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            imran = await db.Doctors.Where(d => d.FullName == "Dr. Imran Hossain").Select(d => d.Id).SingleAsync();
        using var onA = new HttpClient { BaseAddress = new Uri(instances.A.Url) };
        var week = await onA.GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{imran}/availability?days=7");
        var free = week.GetProperty("slots").EnumerateArray().Where(s => s.GetProperty("state").GetString() == "Available").ToList();
        // Two free slots on one day, so one counter on B's page shows both bookings.
        var day = free.GroupBy(s => DateOnly.FromDateTime(s.GetProperty("localStart").GetDateTime())).First(g => g.Count() >= 2);
        var login = await onA.PostAsJsonAsync("/api/v1/auth/login", new { email = "shirin@patients.example", password = instances.A.DemoPassword });
        onA.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

        await using var onB = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = instances.B.Url, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await using var onAPage = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = instances.A.Url, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var doctor = await onB.NewPageAsync();
        var patient = await onAPage.NewPageAsync();
        await BrowserSteps.RunAsync([doctor, patient], async () =>
        {
            // The patient's booking page is served by instance A...
            await patient.SignInAsync("ayesha@patients.example", instances.A.DemoPassword);
            await patient.GotoAsync($"/doctors/{imran}");
            await patient.WaitForInteractiveAsync();
            await patient.Locator($"[data-testid=day-cell][data-date='{day.Key:yyyy-MM-dd}']").ClickAsync();
            // ...the doctor's dashboard by instance B.
            await doctor.SignInAsync("imran.hossain@gomoti.example", instances.B.DemoPassword);
            await doctor.GotoAsync("/doctor");
            await doctor.WaitForInteractiveAsync();
            var counter = doctor.Locator($"[data-testid=load-day][data-date='{day.Key:yyyy-MM-dd}']");
            var before = int.Parse((await counter.GetAttributeAsync("data-bookings"))!);

            var first = day.ElementAt(0).GetProperty("startUtc").GetDateTime().ToString("O");
            await patient.Locator($"[data-testid=slot][data-start='{first}']").GetByTestId("slot-book").ClickAsync();
            var clock = Stopwatch.StartNew();
            await patient.GetByTestId("book-confirm").ClickAsync();
            await Assertions.Expect(counter).ToHaveAttributeAsync("data-bookings", (before + 1).ToString(), new() { Timeout = 5_000 });
            output.WriteLine($"A patient's booking on instance A reached the doctor's page on instance B in {clock.ElapsedMilliseconds} ms.");

            redis.Stop();
            await Eventually.TrueAsync(async () => await HealthAsync(instances.B.Url) == "Degraded", "B reporting Degraded");
            (await onA.PostAsJsonAsync("/api/v1/appointments", new { doctorId = imran, startUtc = day.ElementAt(1).GetProperty("startUtc").GetDateTime() })).EnsureSuccessStatusCode();
            await Task.Delay(1_000);
            (await counter.GetAttributeAsync("data-bookings")).Should().Be((before + 1).ToString(), "nothing carries the event while Redis is down");

            redis.Start();
            clock.Restart();
            await Assertions.Expect(counter).ToHaveAttributeAsync("data-bookings", (before + 2).ToString(), new() { Timeout = 15_000 });
            output.WriteLine($"B's page converged {clock.ElapsedMilliseconds} ms after Redis was started again.");
            (await HealthAsync(instances.B.Url)).Should().Be("Healthy");
        });
    }

    [Fact]
    public async Task Two_staff_on_two_instances_see_each_other_on_one_appointment()
    {
        Guid imran;
        await using (var db = await instances.A.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            imran = await db.Doctors.Where(d => d.FullName == "Dr. Imran Hossain").Select(d => d.Id).SingleAsync();
        using var onA = new HttpClient { BaseAddress = new Uri(instances.A.Url) };
        var week = await onA.GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{imran}/availability?days=7");
        var free = week.GetProperty("slots").EnumerateArray().First(s => s.GetProperty("state").GetString() == "Available");
        var login = await onA.PostAsJsonAsync("/api/v1/auth/login", new { email = "mitu@patients.example", password = instances.A.DemoPassword });
        onA.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var booked = await onA.PostAsJsonAsync("/api/v1/appointments", new { doctorId = imran, startUtc = free.GetProperty("startUtc").GetDateTime() });
        booked.EnsureSuccessStatusCode();
        var id = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appointmentId").GetGuid();

        await using var sadiaContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = instances.A.Url, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await using var karimContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = instances.B.Url, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var sadia = await sadiaContext.NewPageAsync();
        var karim = await karimContext.NewPageAsync();
        await BrowserSteps.RunAsync([sadia, karim], async () =>
        {
            await sadia.SignInAsync("staff1@gomoti.example", instances.A.DemoPassword);
            await sadia.GotoAsync($"/appointments/{id}");
            await sadia.WaitForInteractiveAsync();
            await karim.SignInAsync("staff2@gomoti.example", instances.B.DemoPassword);
            await karim.GotoAsync($"/appointments/{id}");
            await karim.WaitForInteractiveAsync();

            await Assertions.Expect(sadia.GetByTestId("presence")).ToHaveTextAsync("Karim Uddin is looking at this appointment.");
            await Assertions.Expect(karim.GetByTestId("presence")).ToHaveTextAsync("Sadia Islam is looking at this appointment.", new() { Timeout = 10_000 });

            // Karim confirms on B; Sadia, on A, is told who did it.
            await karim.GetByTestId("detail-confirm").ClickAsync();
            await Assertions.Expect(sadia.GetByTestId("change-notice")).ToContainTextAsync("Karim Uddin changed this appointment just now: Pending → Confirmed.");
        });
    }
}
