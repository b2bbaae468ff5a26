using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clinic.Tests.Browser;

/// <summary>The desk takes part of a fee by phone wallet, voids it and lowers the fee; the patient's open page on a phone follows each live.</summary>
public sealed class PaymentsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_payment_taken_and_voided_at_the_desk_shows_on_the_patient_s_open_page_without_a_reload()
    {
        var app = browser.App;
        Guid tanvir;
        string ayesha;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
        {
            tanvir = await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
            ayesha = await db.Users.Where(u => u.Email == "ayesha@patients.example").Select(u => u.Id).SingleAsync();
        }
        using var api = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var week = await api.GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{tanvir}/availability?days=14");
        var start = week.GetProperty("slots").EnumerateArray().First(s => s.GetProperty("state").GetString() == "Available").GetProperty("startUtc").GetDateTime();
        var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "staff1@gomoti.example", password = app.DemoPassword });
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var id = (await (await api.PostAsJsonAsync("/api/v1/appointments", new { doctorId = tanvir, startUtc = start, patientUserId = ayesha })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("appointmentId").GetGuid();

        await using var patientContext = await browser.NewContextAsync(375, 812);
        await using var staffContext = await browser.NewContextAsync();
        var patient = await patientContext.NewPageAsync();
        var staff = await staffContext.NewPageAsync();
        await BrowserSteps.RunAsync([patient, staff], async () =>
        {
            await patient.SignInAsync("ayesha@patients.example", app.DemoPassword);
            await patient.GotoAsync($"/appointments/{id}");
            await patient.WaitForInteractiveAsync();
            await Assertions.Expect(patient.GetByTestId("payments-due")).ToHaveTextAsync("BDT 1,500");
            await Assertions.Expect(patient.GetByTestId("detail-take-payment")).ToHaveCountAsync(0);

            await staff.SignInAsync("staff1@gomoti.example", app.DemoPassword);
            await staff.GotoAsync($"/appointments/{id}");
            await staff.WaitForInteractiveAsync();
            await staff.GetByTestId("detail-take-payment").ClickAsync();
            await staff.Locator("input[data-testid=payment-method-MobileWallet]").ClickAsync();
            await staff.Locator("input[data-testid=payment-amount]").FillAsync("1000");
            await staff.Locator("input[data-testid=payment-reference]").FillAsync("TX90817");
            await staff.GetByTestId("payment-save").ClickAsync();
            await Assertions.Expect(staff.GetByTestId("payment-dialog")).ToHaveCountAsync(0);
            await Assertions.Expect(staff.GetByTestId("payments-due")).ToHaveTextAsync("BDT 500");

            await Assertions.Expect(patient.GetByTestId("payments-paid")).ToHaveTextAsync("BDT 1,000"); // live
            await Assertions.Expect(patient.GetByTestId("payment-line")).ToContainTextAsync("Mobile wallet (TX90817)");
            await Assertions.Expect(patient.GetByTestId("payment-void")).ToHaveCountAsync(0);

            await staff.GetByTestId("payment-void").ClickAsync();
            await staff.GetByTestId("void-confirm").ClickAsync();
            await Assertions.Expect(staff.GetByTestId("void-error")).ToContainTextAsync("Say why the payment is voided");
            await staff.Locator("[data-testid=void-reason] textarea, textarea[data-testid=void-reason]").First.FillAsync("Sent to the clinic's old wallet number; sent back.");
            await staff.GetByTestId("void-confirm").ClickAsync();

            await Assertions.Expect(patient.GetByTestId("payments-paid")).ToHaveTextAsync("BDT 0"); // live
            await Assertions.Expect(patient.GetByTestId("payment-line")).ToHaveAttributeAsync("data-voided", "true");
            await Assertions.Expect(patient.GetByTestId("payment-line")).ToContainTextAsync("Sent to the clinic's old wallet number; sent back.");

            await staff.GetByTestId("detail-discount").ClickAsync();
            await staff.Locator("input[data-testid=discount-fee]").FillAsync("1200");
            await staff.GetByTestId("discount-save").ClickAsync();
            await Assertions.Expect(staff.GetByTestId("discount-error")).ToContainTextAsync("Say why the fee is lowered");
            await staff.Locator("[data-testid=discount-reason] textarea, textarea[data-testid=discount-reason]").First.FillAsync("A returning patient: 300 off.");
            await staff.GetByTestId("discount-save").ClickAsync();
            await Assertions.Expect(staff.GetByTestId("discount-dialog")).ToHaveCountAsync(0);

            await Assertions.Expect(patient.GetByTestId("payments-fee")).ToHaveTextAsync("BDT 1,200 (lowered from BDT 1,500)"); // live
            await Assertions.Expect(patient.GetByTestId("payments-due")).ToHaveTextAsync("BDT 1,200");
            await Assertions.Expect(patient.GetByTestId("detail-discount")).ToHaveCountAsync(0);
        });
    }
}
