using Clinic.Data.Booking;
using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clinic.Tests.Browser;

/// <summary>A patient waits for a full day; a cancellation reaches her as a held seat she accepts, with no reload.</summary>
public sealed class WaitlistBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_patient_joins_the_waitlist_of_a_full_day_and_accepts_the_seat_a_cancellation_frees()
    {
        var services = browser.App.Services;
        var date = BrowserSteps.TanvirWorkingDay(3);
        var firstStart = NineOn(date);
        var doctorId = await FillTanvirAsync(date);
        await using var context = await browser.NewContextAsync(375, 812);
        var patient = await context.NewPageAsync();
        await BrowserSteps.RunAsync([patient], async () =>
        {
            await patient.SignInAsync("shirin@patients.example", browser.App.DemoPassword);
            await patient.GotoAsync($"/doctors/{doctorId}");
            await patient.WaitForInteractiveAsync();
            await patient.Locator($"[data-testid=day-cell][data-date='{date:yyyy-MM-dd}']").ClickAsync();
            await patient.GetByTestId("waitlist-join").ClickAsync();
            await Assertions.Expect(patient.GetByTestId("waitlist-joined")).ToBeVisibleAsync();

            await patient.GotoAsync("/patient/appointments");
            await patient.WaitForInteractiveAsync();
            var place = patient.GetByTestId("waitlist-place");
            await Assertions.Expect(place).ToHaveAttributeAsync("data-status", "Waiting");
            await Assertions.Expect(place).ToContainTextAsync("number 1 in line");

            // Staff cancel Jamal's 10:00; the waitlist worker offers the seat to Shirin.
            await using (var db = await services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            {
                var tenOClock = await db.Appointments.Where(a => a.DoctorId == doctorId && a.StartUtc == firstStart.AddHours(1)).Select(a => a.Id).SingleAsync();
                var staffId = await db.Users.Where(u => u.Email == "staff1@gomoti.example").Select(u => u.Id).SingleAsync();
                var staff = await services.GetRequiredService<AppointmentActors>().ResolveAsync(Actor.Of(staffId, ClinicRoles.Staff));
                (await services.GetRequiredService<BookingService>().CancelAsync(staff, tenOClock, null, "Jamal cannot come.")).Succeeded.Should().BeTrue();
            }
            await Assertions.Expect(place).ToHaveAttributeAsync("data-status", "Offered", new() { Timeout = 10_000 });
            await Assertions.Expect(place).ToContainTextAsync("10:00");
            // The hold's end says the day too: it may be tomorrow.
            await Assertions.Expect(patient.GetByTestId("offer-held-until")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2}$"));
            await Assertions.Expect(patient.GetByTestId("bell")).ToHaveAttributeAsync("data-unread", "1");

            await patient.GetByTestId("offer-accept").ClickAsync();

            await Assertions.Expect(place).ToHaveAttributeAsync("data-status", "Booked");
            var upcoming = patient.GetByTestId("tab-upcoming");
            await Assertions.Expect(upcoming).ToContainTextAsync("10:00–10:30");
            await Assertions.Expect(upcoming.GetByTestId("status-badge")).ToHaveTextAsync("Pending");
        });
    }

    [Fact]
    public async Task Before_days_that_are_full_too_the_patient_chooses_how_long_to_wait_and_joins_at_once_with_that_choice()
    {
        // Two full working days in a row, both in one week of the page (it shows seven days from today,
        // then by weeks), a week on from the other test's day.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, BrowserSteps.Dhaka));
        var offset = Enumerable.Range(9, 21).First(o => today.AddDays(o) is { DayOfWeek: >= DayOfWeek.Sunday and <= DayOfWeek.Wednesday } day
            && o % 7 <= 5 && day is not { Month: 12, Day: 15 or 16 });
        var first = today.AddDays(offset);
        var doctorId = await FillTanvirAsync(first, first.AddDays(1));
        await using var context = await browser.NewContextAsync(1280, 900);
        var patient = await context.NewPageAsync();
        await BrowserSteps.RunAsync([patient], async () =>
        {
            await patient.SignInAsync("rahim@patients.example", browser.App.DemoPassword);
            await patient.GotoAsync($"/doctors/{doctorId}");
            await patient.WaitForInteractiveAsync();
            for (var week = 0; week < offset / 7; week++)
                await patient.GetByTestId("next-week").ClickAsync();
            await patient.Locator($"[data-testid=day-cell][data-date='{first:yyyy-MM-dd}']").ClickAsync();

            // MudBlazor's select opens its list in a popover: the page draws the popover provider for it.
            await patient.GetByTestId("waitlist-range").ClickAsync();
            var until = $"Any day until {first.AddDays(1):ddd d MMM}";
            // She chooses and joins in one quick motion: the join reaches the server before any answer from
            // her browser could (as on a slow phone connection), and must still carry her choice.
            await patient.GetByRole(AriaRole.Option, new() { Name = until }).EvaluateAsync(
                "option => { option.click(); document.querySelector('[data-testid=waitlist-join]').click(); }");

            await Assertions.Expect(patient.GetByTestId("waitlist-joined")).ToContainTextAsync($"until {first.AddDays(1):d MMM}");
        });
    }

    private static DateTime NineOn(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(9, 0)), BrowserSteps.Dhaka);

    /// <summary>Jamal asks for all eight of Dr. Tanvir's times (09:00–13:00) on each of the days; the doctor's id.</summary>
    private async Task<Guid> FillTanvirAsync(params DateOnly[] days)
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var doctorId = await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
        var jamal = await db.Users.Where(u => u.Email == "jamal@patients.example").Select(u => u.Id).SingleAsync();
        foreach (var day in days)
        {
            for (var i = 0; i < 8; i++)
                db.Appointments.Add(Appointment.Request(doctorId, jamal, NineOn(day).AddMinutes(30 * i), NineOn(day).AddMinutes(30 * i + 30), 1, DateTime.UtcNow));
        }
        await db.SaveChangesAsync();
        return doctorId;
    }
}
