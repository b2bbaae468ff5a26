using System.Diagnostics;
using Clinic.Data.Booking;
using Clinic.Data.Persistence;
using Clinic.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Clinic.Tests.Browser;

/// <summary>What one person does shows up on another person's open page, without a reload, and how fast.</summary>
public sealed class LiveProofBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static TimeZoneInfo Dhaka => BrowserSteps.Dhaka;

    private static DateOnly TanvirDayAhead(int fromDays) => BrowserSteps.TanvirWorkingDay(fromDays);

    private async Task<Guid> DoctorAsync(string name)
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Doctors.Where(d => d.FullName == name).Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task When_one_patient_takes_the_last_seat_the_other_sees_it_full_and_cannot_take_it()
    {
        var doctorId = await DoctorAsync("Dr. Tanvir Ahmed");
        var date = TanvirDayAhead(2);
        var start = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(12, 0)), Dhaka).ToString("O");
        await using var aContext = await browser.NewContextAsync();
        await using var bContext = await browser.NewContextAsync(375, 812);
        var a = await aContext.NewPageAsync();
        var b = await bContext.NewPageAsync();
        await BrowserSteps.RunAsync([a, b], async () =>
        {
            foreach (var (page, email) in new[] { (a, "ayesha@patients.example"), (b, "rahim@patients.example") })
            {
                await page.SignInAsync(email, browser.App.DemoPassword);
                await page.GotoAsync($"/doctors/{doctorId}");
                await page.WaitForInteractiveAsync();
                await page.Locator($"[data-testid=day-cell][data-date='{date:yyyy-MM-dd}']").ClickAsync();
            }
            var bSlot = b.Locator($"[data-testid=slot][data-start='{start}']");
            await bSlot.GetByTestId("slot-book").ClickAsync(); // B hesitates with the form open...

            await a.Locator($"[data-testid=slot][data-start='{start}']").GetByTestId("slot-book").ClickAsync();
            var clock = Stopwatch.StartNew();
            await a.GetByTestId("book-confirm").ClickAsync(); // ...while A takes the seat.

            await Assertions.Expect(bSlot.GetByTestId("slot-state")).ToHaveAttributeAsync("data-state", "Full", new() { Timeout = 5_000 });
            output.WriteLine($"Live: the full slot reached the other patient's page in {clock.ElapsedMilliseconds} ms.");
            await b.GetByTestId("book-confirm").ClickAsync();
            await Assertions.Expect(b.GetByTestId("book-error")).ToHaveTextAsync("Already booked");
        });
    }

    [Fact]
    public async Task When_staff_confirm_a_request_the_owner_s_pending_count_drops()
    {
        var doctorId = await DoctorAsync("Dr. Nusrat Jahan");
        var services = browser.App.Services;
        await using (var db = await services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
        {
            var mitu = await db.Users.Where(u => u.Email == "mitu@patients.example").Select(u => u.Id).SingleAsync();
            var patient = await services.GetRequiredService<AppointmentActors>().ResolveAsync(Actor.Of(mitu, ClinicRoles.Patient));
            var slot = (await services.GetRequiredService<Clinic.Data.Scheduling.AvailabilityQueries>().NextAvailableAsync())[doctorId];
            (await services.GetRequiredService<BookingService>().BookAsync(patient, new BookingRequest(doctorId, slot.StartUtc, Note: "Vaccination"))).Succeeded.Should().BeTrue();
        }
        await using var ownerContext = await browser.NewContextAsync();
        await using var staffContext = await browser.NewContextAsync();
        var owner = await ownerContext.NewPageAsync();
        var staff = await staffContext.NewPageAsync();
        await BrowserSteps.RunAsync([owner, staff], async () =>
        {
            await owner.SignInAsync("owner@gomoti.example", browser.App.DemoPassword);
            var pending = owner.GetByTestId("stat-pending").GetByTestId("stat-value");
            var before = int.Parse(await pending.InnerTextAsync());
            before.Should().BeGreaterThan(0);

            await staff.SignInAsync("staff2@gomoti.example", browser.App.DemoPassword);
            await staff.GotoAsync("/clinic/requests");
            await staff.WaitForInteractiveAsync();
            var clock = Stopwatch.StartNew();
            await staff.Locator("tr", new() { HasText = "Vaccination" }).GetByTestId("request-confirm").ClickAsync();

            await Assertions.Expect(pending).ToHaveTextAsync((before - 1).ToString(), new() { Timeout = 5_000 });
            output.WriteLine($"Live: the owner's pending count dropped {clock.ElapsedMilliseconds} ms after the click.");
        });
    }
}
