using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Clinic.Tests.Browser;

/// <summary>The bell: a change made by staff reaches the patient's open page, and the notification leads to the appointment.</summary>
public sealed class NotificationsBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    /// <summary>Jamal asks for the next free slot of Dr. Imran; the request's id.</summary>
    private Task<Guid> RequestAsync(string note) => browser.App.RequestNextFreeAsync("jamal@patients.example", "Imran", note);

    [Fact]
    public async Task When_staff_confirm_a_request_the_patients_bell_counts_up_live_and_the_notification_opens_the_appointment()
    {
        var id = await RequestAsync("Bell test: knee pain");
        await using var patientContext = await browser.NewContextAsync(375, 812);
        await using var staffContext = await browser.NewContextAsync();
        var patient = await patientContext.NewPageAsync();
        var staff = await staffContext.NewPageAsync();
        await BrowserSteps.RunAsync([patient, staff], async () =>
        {
            await patient.SignInAsync("jamal@patients.example", browser.App.DemoPassword);
            var bell = patient.GetByTestId("bell");
            var before = int.Parse((await bell.GetAttributeAsync("data-unread"))!);

            await staff.SignInAsync("staff1@gomoti.example", browser.App.DemoPassword);
            await staff.GotoAsync("/clinic/requests");
            await staff.WaitForInteractiveAsync();
            var clock = Stopwatch.StartNew();
            await staff.Locator("tr", new() { HasText = "Bell test: knee pain" }).GetByTestId("request-confirm").ClickAsync();

            await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", (before + 1).ToString(), new() { Timeout = 5_000 });
            output.WriteLine($"Live: the patient's bell counted up {clock.ElapsedMilliseconds} ms after the click.");

            await bell.ClickAsync();
            var newest = patient.GetByTestId("bell-item").First;
            await Assertions.Expect(newest).ToContainTextAsync("Appointment confirmed");
            await newest.ClickAsync();

            // The bell navigates inside the circuit; poll the address rather than wait for a navigation
            // event, which a same-document navigation under load can slip past (seen 2 runs in 5).
            await Assertions.Expect(patient).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/appointments/{id}$"));
            await Assertions.Expect(patient.GetByTestId("status-badge")).ToHaveTextAsync("Confirmed");
            await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", before.ToString());
            // The menu closed with the choice; it does not stay open over the appointment.
            await Assertions.Expect(patient.GetByTestId("bell-item").First).Not.ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task The_notifications_page_lists_them_newest_first_and_marks_all_read()
    {
        // Two, so one is still unread after the first is marked read on its own.
        await RequestAsync("Notifications page test");
        await RequestAsync("Notifications page test, again");
        await using var context = await browser.NewContextAsync();
        var staff = await context.NewPageAsync();
        await BrowserSteps.RunAsync([staff], async () =>
        {
            await staff.SignInAsync("staff2@gomoti.example", browser.App.DemoPassword);
            await staff.GotoAsync("/notifications");
            await staff.WaitForInteractiveAsync();
            var first = staff.GetByTestId("notification").First;
            await Assertions.Expect(first).ToContainTextAsync("New request to confirm");
            await Assertions.Expect(first).ToContainTextAsync("Jamal");

            // "Mark read" beside a row marks that one and stays on the page.
            var unread = int.Parse((await staff.GetByTestId("bell").GetAttributeAsync("data-unread"))!, System.Globalization.CultureInfo.InvariantCulture);
            await first.GetByTestId("mark-read").ClickAsync();
            await Assertions.Expect(first).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("unread"));
            await Assertions.Expect(staff.GetByTestId("bell")).ToHaveAttributeAsync("data-unread", (unread - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(staff).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/notifications$"));

            await staff.GetByTestId("mark-all-read").ClickAsync();

            await Assertions.Expect(staff.GetByTestId("bell")).ToHaveAttributeAsync("data-unread", "0");
            await Assertions.Expect(staff.GetByTestId("mark-all-read")).ToBeDisabledAsync();

            // A row opens what it is about.
            await first.ClickAsync();
            await Assertions.Expect(staff).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/appointments/[0-9a-f-]+$"));
            await Assertions.Expect(staff.GetByTestId("detail-patient")).ToContainTextAsync("Jamal");
        });
    }
}
