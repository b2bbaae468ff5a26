using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clinic.Tests.Browser;

/// <summary>The appointment page shows the buttons the domain allows, and says why one is not available now.</summary>
public sealed class AppointmentActionsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Inside_the_cut_off_the_patient_sees_cancel_and_move_disabled_with_the_reason_and_the_front_desk_can_still_act()
    {
        var app = browser.App;
        Guid tanvir;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            tanvir = await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
        using var api = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var week = await api.GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{tanvir}/availability?days=14");
        var dayAhead = app.Clock.GetUtcNow().UtcDateTime.AddHours(25);
        var start = week.GetProperty("slots").EnumerateArray().Where(s => s.GetProperty("state").GetString() == "Available")
            .Select(s => s.GetProperty("startUtc").GetDateTime()).First(s => s > dayAhead);
        var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "ayesha@patients.example", password = app.DemoPassword });
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var booked = await (await api.PostAsJsonAsync("/api/v1/appointments", new { doctorId = tanvir, startUtc = start })).Content.ReadFromJsonAsync<JsonElement>();
        var id = booked.GetProperty("appointmentId").GetGuid();
        app.Clock.Advance(start - app.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(2)); // two hours before the visit

        await using var patientContext = await browser.NewContextAsync(375, 812);
        await using var staffContext = await browser.NewContextAsync();
        var patient = await patientContext.NewPageAsync();
        var staff = await staffContext.NewPageAsync();
        await BrowserSteps.RunAsync([patient, staff], async () =>
        {
            await patient.SignInAsync("ayesha@patients.example", app.DemoPassword);
            await patient.GotoAsync($"/appointments/{id}");
            await patient.WaitForInteractiveAsync();
            await Assertions.Expect(patient.GetByTestId("detail-cancel")).ToBeDisabledAsync();
            await Assertions.Expect(patient.GetByTestId("detail-move")).ToBeDisabledAsync();
            await Assertions.Expect(patient.GetByTestId("action-reason").First)
                .ToHaveTextAsync("Appointments can be cancelled online until 24 hours before the start. Please call the clinic.");
            await Assertions.Expect(patient.GetByTestId("note-edit")).ToBeEnabledAsync();
            await Assertions.Expect(patient.GetByTestId("detail-confirm")).ToHaveCountAsync(0);

            await staff.SignInAsync("staff1@gomoti.example", app.DemoPassword);
            await staff.GotoAsync($"/appointments/{id}");
            await staff.WaitForInteractiveAsync();
            await Assertions.Expect(staff.GetByTestId("detail-cancel")).ToBeEnabledAsync();
            await Assertions.Expect(staff.GetByTestId("action-reason")).ToHaveCountAsync(0);
            await staff.GetByTestId("detail-confirm").ClickAsync();
            await Assertions.Expect(staff.GetByTestId("detail-confirm")).ToHaveCountAsync(0);
            await Assertions.Expect(patient.GetByTestId("detail-cancel")).ToBeDisabledAsync(); // live: confirmed, still inside the cut-off
        });
    }
}
