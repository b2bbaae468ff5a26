using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clinic.Tests.Browser;

/// <summary>The front desk books for a patient who calls: checked in a dialog, with a service and a note, confirmed at once.</summary>
public sealed class StaffBookingBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Staff_pick_the_patient_and_a_time_then_confirm_it_with_a_service_and_a_note()
    {
        var day = BrowserSteps.TanvirWorkingDay(1);
        var nine = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(9, 30)), BrowserSteps.Dhaka);
        await using var context = await browser.NewContextAsync();
        var staff = await context.NewPageAsync();
        await BrowserSteps.RunAsync([staff], async () =>
        {
            await staff.SignInAsync("staff1@gomoti.example", browser.App.DemoPassword);
            await staff.GotoAsync("/clinic/book");
            await staff.WaitForInteractiveAsync();
            await staff.GetByLabel("Patient (name, email or phone)").FillAsync("Rahim");
            await staff.GetByText("Rahim Chowdhury · +880 1711 000002").ClickAsync();
            await staff.GetByTestId("book-doctor").ClickAsync();
            await staff.GetByRole(AriaRole.Option, new() { Name = "Dr. Tanvir Ahmed (Cardiology, Dhanmondi)" }).ClickAsync();
            await staff.Locator($"[data-testid=day-cell][data-date='{day:yyyy-MM-dd}']").ClickAsync();
            await staff.Locator($"[data-testid=slot][data-start='{nine:O}']").GetByTestId("staff-book").ClickAsync();

            // Nothing is saved until the dialog is confirmed: it names the patient and takes a service and a note.
            var dialog = staff.GetByTestId("book-dialog");
            await Assertions.Expect(dialog.GetByTestId("book-for")).ToContainTextAsync("Rahim Chowdhury");
            await Assertions.Expect(dialog.GetByTestId("book-cutoff-warning")).ToHaveCountAsync(0);
            await dialog.GetByLabel("Type of visit (optional)").ClickAsync();
            // The dialog's list, not the page's own type-of-visit select behind it.
            await staff.GetByRole(AriaRole.Option, new() { Name = "ECG · 20 min · BDT 600" }).And(staff.Locator(".mud-list-item")).ClickAsync();
            // A person sees the choice in the select before writing the note.
            await Assertions.Expect(dialog.GetByTestId("book-type")).ToContainTextAsync("ECG · 20 min");
            await dialog.GetByTestId("book-note").FillAsync("Phoned in: palpitations since Friday.");
            await Assertions.Expect(staff.GetByTestId("book-confirm")).ToHaveTextAsync("Book and confirm");
            await staff.GetByTestId("book-confirm").ClickAsync();
            await Assertions.Expect(staff.GetByText("Booked and confirmed: Rahim Chowdhury")).ToBeVisibleAsync();
        });

        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var booked = await db.Appointments.SingleAsync(a => a.StartUtc == nine && a.Status == AppointmentStatus.Confirmed);
        booked.PatientNote.Should().Be("Phoned in: palpitations since Friday.");
        (await db.Services.SingleAsync(s => s.Id == booked.ServiceId)).Name.Should().Be("ECG");
    }
}
