using Clinic.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clinic.Tests.Browser;

/// <summary>
/// A 60-minute type on a doctor with 30-minute slots: the patient sees only the starts where it
/// fits, books one, and another patient's open page shows both slots taken, live.
/// </summary>
public sealed class LongVisitBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static string At(DateOnly day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), BrowserSteps.Dhaka).ToString("O");

    [Fact]
    public async Task A_patient_books_a_sixty_minute_type_and_another_sees_both_slots_taken_live()
    {
        Guid doctorId;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            doctorId = await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
        var date = BrowserSteps.TanvirOpenDay(3);
        await using var patientContext = await browser.NewContextAsync();
        await using var otherContext = await browser.NewContextAsync(375, 812);
        var patient = await patientContext.NewPageAsync();
        var other = await otherContext.NewPageAsync();
        await BrowserSteps.RunAsync([patient, other], async () =>
        {
            foreach (var (page, email) in new[] { (patient, "ayesha@patients.example"), (other, "rahim@patients.example") })
            {
                await page.SignInAsync(email, browser.App.DemoPassword);
                await page.GotoAsync($"/doctors/{doctorId}");
                await page.WaitForInteractiveAsync();
                await page.Locator($"[data-testid=day-cell][data-date='{date:yyyy-MM-dd}']").ClickAsync();
            }
            var otherNine = other.Locator($"[data-testid=slot][data-start='{At(date, 11, 0)}']").GetByTestId("slot-state");
            var otherHalfPast = other.Locator($"[data-testid=slot][data-start='{At(date, 11, 30)}']").GetByTestId("slot-state");
            await Assertions.Expect(otherNine).ToHaveAttributeAsync("data-state", "Available");
            await Assertions.Expect(otherHalfPast).ToHaveAttributeAsync("data-state", "Available");

            // The type first: the last slot of the morning cannot hold an hour.
            await patient.GetByLabel("Type of visit").SelectOptionAsync(new SelectOptionValue { Label = "Exercise stress test · 60 min · BDT 3,000" });
            await Assertions.Expect(patient).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]type="));
            var lastSlot = patient.Locator($"[data-testid=slot][data-start='{At(date, 12, 30)}']");
            await Assertions.Expect(lastSlot.GetByTestId("slot-state")).ToHaveAttributeAsync("data-state", "DoesNotFit");
            await Assertions.Expect(lastSlot.GetByTestId("slot-reason")).ToHaveTextAsync("Needs 60 min: it would run past the doctor's hours (until 13:30).");
            var eleven = patient.Locator($"[data-testid=slot][data-start='{At(date, 11, 0)}']");
            await Assertions.Expect(eleven).ToContainTextAsync("11:00–12:00");

            await eleven.GetByTestId("slot-book").ClickAsync();
            await Assertions.Expect(patient.GetByTestId("book-type-chosen")).ToHaveTextAsync("Exercise stress test · 60 min · BDT 3,000");
            await Assertions.Expect(patient.GetByTestId("book-when")).ToContainTextAsync("11:00–12:00 (Dhaka time)");
            await patient.GetByTestId("book-confirm").ClickAsync();
            await Assertions.Expect(patient.GetByTestId("booked-message")).ToContainTextAsync("11:00–12:00");

            // The other patient's page, open all along, shows both halves taken without a reload.
            await Assertions.Expect(otherNine).ToHaveAttributeAsync("data-state", "Full", new() { Timeout = 5_000 });
            await Assertions.Expect(otherHalfPast).ToHaveAttributeAsync("data-state", "Full", new() { Timeout = 5_000 });
            // And on the patient's own page, 10:30 no longer holds an hour (11:00 is taken).
            await Assertions.Expect(patient.Locator($"[data-testid=slot][data-start='{At(date, 10, 30)}']").GetByTestId("slot-state"))
                .ToHaveAttributeAsync("data-state", "DoesNotFit");

            // The address keeps the type: a reload opens the week for it again.
            await patient.ReloadAsync();
            await patient.WaitForInteractiveAsync();
            await patient.Locator($"[data-testid=day-cell][data-date='{date:yyyy-MM-dd}']").ClickAsync();
            await Assertions.Expect(lastSlot.GetByTestId("slot-state")).ToHaveAttributeAsync("data-state", "DoesNotFit");
        });

        await using var check = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var seats = await check.Seats.Where(s => s.DoctorId == doctorId).Join(check.Appointments.IgnoreAutoIncludes(), s => s.AppointmentId, a => a.Id, (s, a) => new { s.StartUtc, a.PatientUserId })
            .Where(s => s.PatientUserId == check.Users.Where(u => u.Email == "ayesha@patients.example").Select(u => u.Id).First())
            .Select(s => s.StartUtc).ToListAsync();
        seats.Select(s => DateTime.SpecifyKind(s, DateTimeKind.Utc).ToString("O")).Should().Contain([At(date, 11, 0), At(date, 11, 30)]);
    }
}
