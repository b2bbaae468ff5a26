using System.Diagnostics;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Data.Team;
using Clinic.Domain.Doctors;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Clinic.Tests.Browser;

/// <summary>
/// The whole day of one visit across three people: a patient books, staff confirm, the front desk
/// checks the patient in and finishes the visit after its start, and the history shows who did what.
/// </summary>
public sealed class BookingFlowBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static TimeZoneInfo Dhaka => BrowserSteps.Dhaka;

    private ShiftableClock Clock => browser.App.Clock;

    private DateTime NowUtc => Clock.GetUtcNow().UtcDateTime;

    /// <summary>A new doctor with one five-minute slot ten minutes from now, and no minimum notice, so the visit can really happen.</summary>
    private async Task<(Guid DoctorId, DateTime StartUtc)> SlotStartingSoonAsync()
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(NowUtc, Dhaka);
        if (local.TimeOfDay > new TimeSpan(23, 0, 0))
            Clock.Advance(local.Date.AddDays(1).AddHours(9) - local); // the app's morning: the visit stays on one clinic day
        var services = browser.App.Services;
        await using (var db = await services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
        {
            var clinic = await db.Clinics.SingleAsync();
            clinic.UpdatePolicy(60, 0).Succeeded.Should().BeTrue();
            await db.SaveChangesAsync();
        }
        var owner = await OwnerAsync();
        var created = await services.GetRequiredService<TeamAdministration>().CreateAsync(owner, new NewTeamMember(
            "Dr. Lamia Chowdhury", $"lamia-{Guid.NewGuid():N}@gomoti.example", ClinicRoles.Doctor,
            new DoctorProfileDetails("Dr. Lamia Chowdhury", "Family medicine", 10, 700m, "Dhaka", 5, null)));
        await using var read = await services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var doctorId = await read.Doctors.Where(d => d.UserId == created.Value!.UserId).Select(d => d.Id).SingleAsync();
        var startLocal = TimeZoneInfo.ConvertTimeFromUtc(NowUtc, Dhaka).AddMinutes(10);
        startLocal = startLocal.AddTicks(-(startLocal.Ticks % TimeSpan.TicksPerMinute));
        var added = await services.GetRequiredService<ScheduleEditor>().AddSingleSlotAsync(owner, doctorId,
            DateOnly.FromDateTime(startLocal), TimeOnly.FromDateTime(startLocal), TimeOnly.FromDateTime(startLocal.AddMinutes(5)), 1);
        added.Succeeded.Should().BeTrue(added.Error);
        return (doctorId, TimeZoneInfo.ConvertTimeToUtc(startLocal, Dhaka));
    }

    private async Task<Actor> OwnerAsync()
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return Actor.Of(await db.Users.Where(u => u.Email == "owner@gomoti.example").Select(u => u.Id).SingleAsync(), ClinicRoles.Owner);
    }

    [Fact]
    public async Task A_booking_goes_from_request_to_completed_visit_across_patient_and_staff()
    {
        var (doctorId, startUtc) = await SlotStartingSoonAsync();
        await using var patientContext = await browser.NewContextAsync(375, 812);
        await using var staffContext = await browser.NewContextAsync();
        var patient = await patientContext.NewPageAsync();
        var staff = await staffContext.NewPageAsync();
        await BrowserSteps.RunAsync([patient, staff], async () =>
        {
            // The patient books: a pending request with a yellow badge.
            await patient.SignInAsync("ayesha@patients.example", browser.App.DemoPassword);
            await patient.GotoAsync($"/doctors/{doctorId}");
            await patient.WaitForInteractiveAsync();
            await patient.Locator($"[data-testid=slot][data-start='{startUtc:O}']").GetByTestId("slot-book").ClickAsync();
            await patient.GetByTestId("book-note").FillAsync("Persistent cough for two weeks.");
            await patient.GetByTestId("book-confirm").ClickAsync();
            await Assertions.Expect(patient.GetByTestId("booked-message")).ToContainTextAsync("Requested");
            await patient.GotoAsync("/patient/appointments");
            await patient.WaitForInteractiveAsync();
            var badge = patient.GetByTestId("appointment-card").Filter(new() { HasText = "Dr. Lamia Chowdhury" }).GetByTestId("status-badge");
            await Assertions.Expect(badge).ToHaveAttributeAsync("data-status", "Pending");

            // Staff confirm it in the queue; the patient's open page turns green without a reload.
            await staff.SignInAsync("staff1@gomoti.example", browser.App.DemoPassword);
            await staff.GotoAsync("/clinic/requests");
            await staff.WaitForInteractiveAsync();
            var clock = Stopwatch.StartNew();
            await staff.Locator("tr", new() { HasText = "Persistent cough" }).GetByTestId("request-confirm").ClickAsync();
            await Assertions.Expect(badge).ToHaveAttributeAsync("data-status", "Confirmed", new() { Timeout = 5_000 });
            output.WriteLine($"Live: the confirmation reached the patient's page in {clock.ElapsedMilliseconds} ms.");

            // The front desk runs the visit: check in, consultation, and (once it has started) done.
            await staff.GotoAsync("/clinic/frontdesk");
            await staff.WaitForInteractiveAsync();
            var row = staff.Locator("tr", new() { HasText = "Ayesha Siddiqua" });
            await row.GetByTestId("visit-next").ClickAsync();
            await Assertions.Expect(row.GetByTestId("visit-stage")).ToHaveAttributeAsync("data-stage", "Waiting");
            await row.GetByTestId("visit-next").ClickAsync();
            await Assertions.Expect(row.GetByTestId("visit-stage")).ToHaveAttributeAsync("data-stage", "InConsultation");
            // The visit's start comes at once: the app's clock moves on instead of the test waiting.
            Clock.Advance(startUtc - NowUtc + TimeSpan.FromSeconds(1));
            await row.GetByTestId("visit-next").ClickAsync();
            await Assertions.Expect(row.GetByTestId("status-badge")).ToHaveAttributeAsync("data-status", "Completed");
            await Assertions.Expect(badge).ToHaveCountAsync(0); // it left the patient's Upcoming tab, live

            // The history shows every step and who took it.
            await staff.Locator("tr", new() { HasText = "Ayesha Siddiqua" }).GetByRole(AriaRole.Link).First.ClickAsync(); // the time: the name opens her file
            await staff.WaitForURLAsync("**/appointments/**");
            var history = staff.GetByTestId("history-entry");
            await Assertions.Expect(history).ToHaveTextAsync(
            [
                "Booked (Pending) by Ayesha Siddiqua",
                "Pending → Confirmed by Sadia Islam",
                "Visit: Waiting by Sadia Islam",
                "Visit: In consultation by Sadia Islam",
                "Visit: Done by Sadia Islam",
                "Confirmed → Completed by Sadia Islam",
            ]);
        });
    }
}
