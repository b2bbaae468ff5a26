using Clinic.Data.Booking;
using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clinic.Tests.Browser;

/// <summary>The agenda in Chromium: a booking dragged to another time (and undone), a drop the rules refuse, two staff on one appointment.</summary>
public sealed class AgendaBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Staff_drag_a_booking_to_a_free_slot_undo_it_and_a_drop_on_a_taken_slot_is_refused_with_nothing_saved()
    {
        var day = BrowserSteps.TanvirWorkingDay(2);
        var (nine, half) = (At(day, 9, 0), At(day, 9, 30));
        var ten = At(day, 10, 0);
        var (doctorId, ayesha) = await BookConfirmedAsync("ayesha@patients.example", nine);
        await BookConfirmedAsync("rahim@patients.example", half);
        await using var context = await browser.NewContextAsync();
        var staff = await context.NewPageAsync();
        await BrowserSteps.RunAsync([staff], async () =>
        {
            await staff.SignInAsync("staff1@gomoti.example", browser.App.DemoPassword);
            await staff.GotoAsync($"/clinic/agenda?date={day:yyyy-MM-dd}&doctor={doctorId}");
            await staff.WaitForInteractiveAsync();
            var booking = staff.Locator($"[data-appointment='{ayesha}']");
            await Assertions.Expect(Slot(staff, nine).Locator($"[data-appointment='{ayesha}']")).ToBeVisibleAsync();

            await booking.DragToAsync(Slot(staff, ten));

            await Assertions.Expect(Slot(staff, ten).Locator($"[data-appointment='{ayesha}']")).ToBeVisibleAsync();
            (await StartOfAsync(ayesha)).Should().Be(ten);
            await Assertions.Expect(staff.GetByText("Ayesha Siddiqua moved to")).ToBeVisibleAsync();
            await staff.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
            await Assertions.Expect(Slot(staff, nine).Locator($"[data-appointment='{ayesha}']")).ToBeVisibleAsync();
            (await StartOfAsync(ayesha)).Should().Be(nine);

            // Rahim holds 09:30: the drop is refused there, in words, and the appointment stays at 09:00.
            await booking.DragToAsync(Slot(staff, half));

            await Assertions.Expect(Slot(staff, half).GetByTestId("agenda-refusal")).ToContainTextAsync("Not moved: Already booked");
            (await StartOfAsync(ayesha)).Should().Be(nine);
            await Assertions.Expect(Slot(staff, nine).Locator($"[data-appointment='{ayesha}']")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Two_staff_on_one_appointment_see_each_other_and_an_edit_made_meanwhile_is_announced_not_overwritten()
    {
        var start = At(BrowserSteps.TanvirWorkingDay(4), 11, 0);
        var (_, id) = await BookConfirmedAsync("shirin@patients.example", start);
        await using var sadiaContext = await browser.NewContextAsync();
        await using var karimContext = await browser.NewContextAsync();
        var sadia = await sadiaContext.NewPageAsync();
        var karim = await karimContext.NewPageAsync();
        await BrowserSteps.RunAsync([sadia, karim], async () =>
        {
            await sadia.SignInAsync("staff1@gomoti.example", browser.App.DemoPassword);
            await karim.SignInAsync("staff2@gomoti.example", browser.App.DemoPassword);
            await sadia.GotoAsync($"/appointments/{id}");
            await sadia.WaitForInteractiveAsync();
            await Assertions.Expect(sadia.GetByTestId("note-edit")).ToBeVisibleAsync();
            await Assertions.Expect(sadia.GetByTestId("presence")).ToHaveCountAsync(0);

            await karim.GotoAsync($"/appointments/{id}");
            await karim.WaitForInteractiveAsync();

            await Assertions.Expect(sadia.GetByTestId("presence")).ToHaveTextAsync("Karim Uddin is looking at this appointment.");
            await Assertions.Expect(karim.GetByTestId("presence")).ToHaveTextAsync("Sadia Islam is looking at this appointment.");

            // Sadia starts a note; Karim saves his first. Sadia is told who changed what, and keeps her draft.
            await sadia.GetByTestId("note-edit").ClickAsync();
            await sadia.GetByTestId("note-input").FillAsync("Sadia's draft: bring the old ECG.");
            await karim.GetByTestId("note-edit").ClickAsync();
            await karim.GetByTestId("note-input").FillAsync("Karim: patient asked for a morning call.");
            await karim.GetByTestId("note-save").ClickAsync();
            await Assertions.Expect(karim.GetByTestId("note-text")).ToHaveTextAsync("Karim: patient asked for a morning call.");

            await Assertions.Expect(sadia.GetByTestId("stale-notice")).ToContainTextAsync("Karim Uddin changed this appointment just now: Note changed.");
            await Assertions.Expect(sadia.GetByTestId("note-input")).ToHaveValueAsync("Sadia's draft: bring the old ECG.");
            (await NoteOfAsync(id)).Should().Be("Karim: patient asked for a morning call.", "Sadia's draft overwrote nothing");

            // Karim leaves: Sadia no longer sees him.
            await karim.CloseAsync();
            await Assertions.Expect(sadia.GetByTestId("presence")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        });
    }

    private static DateTime At(DateOnly day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), BrowserSteps.Dhaka);

    private static ILocator Slot(IPage page, DateTime startUtc) => page.Locator($"[data-testid=agenda-slot][data-start='{startUtc:O}']");

    private async Task<(Guid DoctorId, Guid AppointmentId)> BookConfirmedAsync(string patientEmail, DateTime startUtc)
    {
        var services = browser.App.Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var doctorId = await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
        var patientId = await db.Users.Where(u => u.Email == patientEmail).Select(u => u.Id).SingleAsync();
        var staffId = await db.Users.Where(u => u.Email == "owner@gomoti.example").Select(u => u.Id).SingleAsync();
        var owner = await services.GetRequiredService<AppointmentActors>().ResolveAsync(Actor.Of(staffId, ClinicRoles.Owner));
        var booked = await services.GetRequiredService<BookingService>().BookAsync(owner, new BookingRequest(doctorId, startUtc, PatientUserId: patientId));
        booked.Succeeded.Should().BeTrue(booked.Error);
        return (doctorId, booked.Value!.AppointmentId);
    }

    private async Task<DateTime> StartOfAsync(Guid id)
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Appointments.Where(a => a.Id == id).Select(a => a.StartUtc).SingleAsync();
    }

    private async Task<string?> NoteOfAsync(Guid id)
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Appointments.Where(a => a.Id == id).Select(a => a.PatientNote).SingleAsync();
    }
}
