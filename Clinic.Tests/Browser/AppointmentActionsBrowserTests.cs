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
    public async Task Inside_the_cut_off_booking_warns_first_a_request_can_be_withdrawn_and_a_confirmed_visit_waits_for_a_phone_call()
    {
        var app = browser.App;
        Guid tanvir;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            tanvir = await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
        using var api = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var week = await api.GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{tanvir}/availability?days=14");
        var dayAhead = app.Clock.GetUtcNow().UtcDateTime.AddHours(25);
        var starts = week.GetProperty("slots").EnumerateArray().Where(s => s.GetProperty("state").GetString() == "Available")
            .Select(s => s.GetProperty("startUtc").GetDateTime()).Where(s => s > dayAhead).Take(2).ToList();
        // Three hours before the first: both inside the 24-hour cut-off, outside the 2-hour notice.
        app.Clock.Advance(starts[0] - app.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(3));
        var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "ayesha@patients.example", password = app.DemoPassword });
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var second = (await (await api.PostAsJsonAsync("/api/v1/appointments", new { doctorId = tanvir, startUtc = starts[1] })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("appointmentId").GetGuid();

        await using var patientContext = await browser.NewContextAsync(375, 812);
        await using var staffContext = await browser.NewContextAsync();
        var patient = await patientContext.NewPageAsync();
        var staff = await staffContext.NewPageAsync();
        await BrowserSteps.RunAsync([patient, staff], async () =>
        {
            // Before committing, the booking dialog says what the cut-off will mean and whom to call.
            await patient.SignInAsync("ayesha@patients.example", app.DemoPassword);
            await patient.GotoAsync($"/doctors/{tanvir}");
            await patient.WaitForInteractiveAsync();
            await patient.Locator($"[data-testid=slot][data-start='{starts[0]:O}']").GetByTestId("slot-book").ClickAsync();
            await Assertions.Expect(patient.GetByTestId("book-cutoff-warning")).ToContainTextAsync("once confirmed it cannot be cancelled or moved online");
            await Assertions.Expect(patient.GetByTestId("book-cutoff-warning").GetByTestId("clinic-phone")).ToHaveAttributeAsync("href", "tel:+880258150000");
            await patient.GetByTestId("book-confirm").ClickAsync();
            await Assertions.Expect(patient.GetByTestId("booked-message")).ToContainTextAsync("Requested");
            Guid first;
            await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
                first = await db.Appointments.Where(a => a.DoctorId == tanvir && a.StartUtc == starts[0]).Select(a => a.Id).SingleAsync();

            // A request the clinic has not accepted can be withdrawn, cut-off or not.
            await patient.GotoAsync($"/appointments/{second}");
            await patient.WaitForInteractiveAsync();
            await Assertions.Expect(patient.GetByTestId("detail-cancel")).ToHaveTextAsync("Withdraw request");
            await patient.GetByTestId("detail-cancel").ClickAsync();
            await patient.GetByTestId("cancel-confirm").ClickAsync();
            await Assertions.Expect(patient.GetByTestId("status-badge")).ToHaveAttributeAsync("data-status", "Cancelled");

            // Once the front desk confirms, Cancel and Move wait for a phone call: disabled, with the reason and the number.
            await patient.GotoAsync($"/appointments/{first}");
            await patient.WaitForInteractiveAsync();
            await Assertions.Expect(patient.GetByTestId("detail-cancel")).ToBeEnabledAsync();
            await staff.SignInAsync("staff1@gomoti.example", app.DemoPassword);
            await staff.GotoAsync($"/appointments/{first}");
            await staff.WaitForInteractiveAsync();
            await staff.GetByTestId("detail-confirm").ClickAsync();
            await Assertions.Expect(staff.GetByTestId("detail-confirm")).ToHaveCountAsync(0);
            await Assertions.Expect(staff.GetByTestId("detail-cancel")).ToBeEnabledAsync();
            await Assertions.Expect(staff.GetByTestId("action-reason")).ToHaveCountAsync(0);

            await Assertions.Expect(patient.GetByTestId("detail-cancel")).ToBeDisabledAsync(); // live
            await Assertions.Expect(patient.GetByTestId("detail-move")).ToBeDisabledAsync();
            await Assertions.Expect(patient.GetByTestId("action-reason"))
                .ToHaveTextAsync("Appointments can be cancelled or moved online until 24 hours before the start.");
            await Assertions.Expect(patient.GetByTestId("clinic-phone")).ToHaveAttributeAsync("href", "tel:+880258150000");
            await Assertions.Expect(patient.GetByTestId("note-edit")).ToBeEnabledAsync();
        });
    }
}
