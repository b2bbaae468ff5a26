using System.Diagnostics;
using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Clinic.Tests.Browser;

public sealed class AvailabilityBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static TimeZoneInfo Dhaka => BrowserSteps.Dhaka;

    private static DateOnly WorkingDayAhead() => BrowserSteps.TanvirWorkingDay(2);

    private static DateTime Utc(DateOnly date, int hour) => TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(hour, 0)), Dhaka);

    private async Task<Guid> TanvirAsync()
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task A_slot_the_doctor_disables_turns_unavailable_on_an_open_patient_page_without_a_reload()
    {
        var doctorId = await TanvirAsync();
        var date = WorkingDayAhead();
        var start = Utc(date, 10).ToString("O");
        await using var patientContext = await browser.NewContextAsync(375, 812);
        await using var doctorContext = await browser.NewContextAsync();
        var patient = await patientContext.NewPageAsync();
        var doctor = await doctorContext.NewPageAsync();
        await BrowserSteps.RunAsync([patient, doctor], async () =>
        {
            await patient.GotoAsync($"/doctors/{doctorId}");
            await patient.WaitForInteractiveAsync();
            await patient.Locator($"[data-testid=day-cell][data-date='{date:yyyy-MM-dd}']").ClickAsync();
            var patientSlot = patient.Locator($"[data-testid=slot][data-start='{start}']");
            await Assertions.Expect(patientSlot.GetByTestId("slot-state")).ToHaveAttributeAsync("data-state", "Available");
            var navigations = 0;
            patient.FrameNavigated += (_, _) => navigations++;

            await doctor.SignInAsync("tanvir.ahmed@gomoti.example", browser.App.DemoPassword);
            await doctor.GotoAsync($"/doctor/schedule?date={date:yyyy-MM-dd}");
            await doctor.WaitForInteractiveAsync();
            var clock = Stopwatch.StartNew();
            await doctor.Locator($"[data-testid=slot][data-start='{start}']").GetByTestId("slot-disable").ClickAsync();

            await Assertions.Expect(patientSlot.GetByTestId("slot-state")).ToHaveAttributeAsync("data-state", "Disabled", new() { Timeout = 5_000 });
            output.WriteLine($"Live: the disabled slot reached the patient's page in {clock.ElapsedMilliseconds} ms.");
            await Assertions.Expect(patientSlot.GetByTestId("slot-reason")).ToHaveTextAsync("The doctor has made this slot unavailable.");
            navigations.Should().Be(0, "the patient's page must update in place");
        });
    }

    [Fact]
    public async Task A_doctor_cannot_remove_or_disable_a_booked_slot()
    {
        var doctorId = await TanvirAsync();
        var date = WorkingDayAhead();
        var startUtc = Utc(date, 11);
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
        {
            var patientId = await db.Users.Where(u => u.Email == "jamal@patients.example").Select(u => u.Id).SingleAsync();
            db.Appointments.Add(Appointment.Request(doctorId, patientId, startUtc, startUtc.AddMinutes(30), 1, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.SignInAsync("tanvir.ahmed@gomoti.example", browser.App.DemoPassword);
            await page.GotoAsync($"/doctor/schedule?date={date:yyyy-MM-dd}");
            await page.WaitForInteractiveAsync();

            var row = page.Locator($"[data-testid=slot][data-start='{startUtc:O}']");
            await Assertions.Expect(row.GetByTestId("slot-state")).ToHaveAttributeAsync("data-state", "Full");
            await Assertions.Expect(row.GetByTestId("slot-locked")).ToHaveTextAsync("Booked: cannot be disabled or removed");
            await Assertions.Expect(row.GetByTestId("slot-remove")).ToBeDisabledAsync();
            await Assertions.Expect(row.GetByTestId("slot-disable")).ToBeDisabledAsync();
        });
    }

    [Fact]
    public async Task A_page_that_lost_its_connection_shows_the_current_truth_after_reconnecting()
    {
        var doctorId = await TanvirAsync();
        var date = WorkingDayAhead();
        var startUtc = Utc(date, 12).AddMinutes(30);
        var services = browser.App.Services;
        var editor = services.GetRequiredService<Clinic.Data.Scheduling.ScheduleEditor>();
        Clinic.Domain.Identity.Actor doctor;
        await using (var db = await services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            doctor = Clinic.Domain.Identity.Actor.Of(await db.Users.Where(u => u.Email == "tanvir.ahmed@gomoti.example").Select(u => u.Id).SingleAsync(), Clinic.Domain.Identity.ClinicRoles.Doctor);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var connections = 0;
        IWebSocketRoute? circuitSocket = null;
        await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), socket =>
        {
            if (Interlocked.Increment(ref connections) == 2)
            {
                // The browser is away: the doctor disables the slot before the page gets back in.
                var disabled = Task.Run(() => editor.SetSlotAsync(doctor, doctorId, startUtc, Clinic.Data.Scheduling.SlotAction.Disable)).GetAwaiter().GetResult();
                disabled.Succeeded.Should().BeTrue(disabled.Error);
            }
            socket.ConnectToServer();
            circuitSocket = socket;
        });
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.GotoAsync($"/doctors/{doctorId}");
            await page.WaitForInteractiveAsync();
            await page.Locator($"[data-testid=day-cell][data-date='{date:yyyy-MM-dd}']").ClickAsync();
            var slot = page.Locator($"[data-testid=slot][data-start='{startUtc:O}']").GetByTestId("slot-state");
            await Assertions.Expect(slot).ToHaveAttributeAsync("data-state", "Available");

            await circuitSocket!.CloseAsync(); // the connection drops; Blazor reconnects to the same circuit

            await Assertions.Expect(slot).ToHaveAttributeAsync("data-state", "Disabled", new() { Timeout = 30_000 });
            connections.Should().BeGreaterThanOrEqualTo(2, "the page reconnected");
        });
    }
}
