using Clinic.Data.Booking;
using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clinic.Tests.Browser;

/// <summary>A weekly series from the front desk: one visit already taken, the rest booked together, then one visit moved on its own.</summary>
public sealed class SeriesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static DateTime At(DateOnly day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), BrowserSteps.Dhaka);

    /// <summary>Three weekly Tanvir days clear of the demo clinic's Victory Day closure.</summary>
    private static DateOnly FirstOfThreeWeeks() => BrowserSteps.TanvirOpenDay(2, weeks: 3);

    [Fact]
    public async Task Staff_book_a_weekly_series_around_a_taken_visit_and_move_one_visit()
    {
        var services = browser.App.Services;
        var first = FirstOfThreeWeeks();
        Guid doctorId;
        string ayesha;
        await using (var db = await services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
        {
            doctorId = await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
            ayesha = await db.Users.Where(u => u.Email == "ayesha@patients.example").Select(u => u.Id).SingleAsync();
            var rahim = await db.Users.Where(u => u.Email == "rahim@patients.example").Select(u => u.Id).SingleAsync();
            var ownerId = await db.Users.Where(u => u.Email == "owner@gomoti.example").Select(u => u.Id).SingleAsync();
            var owner = await services.GetRequiredService<AppointmentActors>().ResolveAsync(Actor.Of(ownerId, ClinicRoles.Owner));
            (await services.GetRequiredService<BookingService>().BookAsync(owner, new BookingRequest(doctorId, At(first.AddDays(7), 9, 0), PatientUserId: rahim))).Succeeded.Should().BeTrue();
        }
        await using var context = await browser.NewContextAsync();
        var staff = await context.NewPageAsync();
        await BrowserSteps.RunAsync([staff], async () =>
        {
            await staff.SignInAsync("staff1@gomoti.example", browser.App.DemoPassword);
            await staff.GotoAsync($"/clinic/book?doctor={doctorId}&date={first:yyyy-MM-dd}&patient={ayesha}");
            await staff.WaitForInteractiveAsync();
            await staff.Locator($"[data-testid=slot][data-start='{At(first, 9, 0):O}']").GetByTestId("staff-series").ClickAsync();

            var dialog = staff.GetByTestId("series-dialog");
            await dialog.GetByTestId("series-count").FillAsync("3");
            await dialog.GetByTestId("series-check").ClickAsync();
            var rows = dialog.GetByTestId("series-row");
            await Assertions.Expect(rows).ToHaveCountAsync(3);
            await Assertions.Expect(rows.Nth(1)).ToHaveAttributeAsync("data-free", "false");
            await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Already booked");
            await dialog.GetByTestId("series-alternative").UncheckAsync();
            await Assertions.Expect(staff.GetByTestId("series-book")).ToHaveTextAsync("Book 2 visits");
            await staff.GetByTestId("series-book").ClickAsync();
            await Assertions.Expect(staff.GetByText("a series of 2 visits for Ayesha Siddiqua")).ToBeVisibleAsync();

            // The first visit's page lists the series; moving it moves that visit alone.
            Guid firstVisit;
            await using (var db = await services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
                firstVisit = await db.Appointments.Where(a => a.PatientUserId == ayesha && a.StartUtc == At(first, 9, 0)).Select(a => a.Id).SingleAsync();
            await staff.GotoAsync($"/appointments/{firstVisit}");
            await staff.WaitForInteractiveAsync();
            await Assertions.Expect(staff.GetByTestId("series-visit")).ToHaveCountAsync(2);
            await staff.GetByTestId("detail-move").ClickAsync();
            await staff.GetByTestId("reschedule-dialog").Locator($"[data-testid=day-cell][data-date='{first:yyyy-MM-dd}']").ClickAsync();
            await staff.GetByTestId("reschedule-dialog").Locator($"[data-testid=slot][data-start='{At(first, 10, 30):O}']").GetByTestId("reschedule-choose").ClickAsync();
            await Assertions.Expect(staff.GetByTestId("series-visit").First).ToContainTextAsync("10:30");
            await Assertions.Expect(staff.GetByTestId("series-visit").Nth(1)).ToContainTextAsync("09:00");
        });

        await using var check = await services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var visits = await check.Appointments.Where(a => a.PatientUserId == ayesha && a.SeriesId != null).OrderBy(a => a.StartUtc).ToListAsync();
        visits.Select(a => a.StartUtc).Should().Equal(At(first, 10, 30), At(first.AddDays(14), 9, 0));
        visits.Should().OnlyContain(a => a.Status == AppointmentStatus.Confirmed && a.SeriesId == visits[0].SeriesId);
    }
}
