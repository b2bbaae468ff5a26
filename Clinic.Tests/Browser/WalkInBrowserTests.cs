using Clinic.Tests.Support;
using Microsoft.Playwright;

namespace Clinic.Tests.Browser;

/// <summary>A walk-in without an account: recorded (a look-alike named first), booked for, then invited to an account that is the same record.</summary>
public sealed class WalkInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_front_desk_records_a_walk_in_books_for_them_and_later_invites_them_to_the_same_record()
    {
        var day = BrowserSteps.TanvirWorkingDay(1);
        var eleven = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(11, 0)), BrowserSteps.Dhaka);
        var email = $"karima-{Guid.NewGuid():N}@patients.example";
        await using var staffContext = await browser.NewContextAsync();
        await using var patientContext = await browser.NewContextAsync(375, 812);
        var staff = await staffContext.NewPageAsync();
        var patient = await patientContext.NewPageAsync();
        await BrowserSteps.RunAsync([staff, patient], async () =>
        {
            await staff.SignInAsync("staff1@gomoti.example", browser.App.DemoPassword);
            await staff.GotoAsync("/clinic/patients");
            await staff.WaitForInteractiveAsync();

            // Someone already on file is named before a second record is made.
            await staff.GetByTestId("new-patient").ClickAsync();
            await staff.GetByTestId("new-patient-name").FillAsync("Ayesha Siddiqua");
            await staff.GetByTestId("new-patient-phone").FillAsync("+880 1555 000000");
            await staff.GetByTestId("new-patient-born").FillAsync("1990-04-12");
            await staff.GetByTestId("new-patient-create").ClickAsync();
            await Assertions.Expect(staff.GetByTestId("new-patient-duplicate")).ToContainTextAsync("Ayesha Siddiqua is already on file (same name and date of birth)");
            await Assertions.Expect(staff.GetByTestId("new-patient-create")).ToHaveTextAsync("Create a new record anyway");
            await staff.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();

            await staff.GetByTestId("new-patient").ClickAsync();
            await staff.GetByTestId("new-patient-name").FillAsync("Karima Khatun");
            await staff.GetByTestId("new-patient-phone").FillAsync("+880 1999 123456");
            await staff.GetByTestId("new-patient-born").FillAsync("1961-03-14");
            await staff.GetByTestId("new-patient-create").ClickAsync();
            // The file opens by client-side navigation, which may have happened before a wait for it
            // starts: poll the address instead of waiting for a navigation event.
            await Assertions.Expect(staff).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/clinic/patients/[^/]+$"), new() { Timeout = 30_000 });
            await staff.WaitForInteractiveAsync();
            await Assertions.Expect(staff.GetByTestId("patient-name")).ToHaveTextAsync("Karima Khatun");
            await Assertions.Expect(staff.GetByTestId("patient-no-account")).ToBeVisibleAsync();
            var file = staff.Url;

            // Booked from the file: the patient is chosen already.
            // (Followed by address: the file may re-render live just as a click lands.)
            var bookHere = await staff.GetByTestId("patient-book").GetAttributeAsync("href");
            bookHere.Should().Contain("/clinic/book?patient=");
            await staff.GotoAsync(bookHere!);
            await staff.WaitForInteractiveAsync();
            await Assertions.Expect(staff.GetByLabel("Patient (name, email or phone)")).ToHaveValueAsync("Karima Khatun · +880 1999 123456");
            await staff.GetByTestId("book-doctor").ClickAsync();
            await staff.GetByRole(AriaRole.Option, new() { Name = "Dr. Tanvir Ahmed (Cardiology, Dhanmondi)" }).ClickAsync();
            await staff.Locator($"[data-testid=day-cell][data-date='{day:yyyy-MM-dd}']").ClickAsync();
            await staff.Locator($"[data-testid=slot][data-start='{eleven:O}']").GetByTestId("staff-book").ClickAsync();
            await staff.GetByTestId("book-confirm").ClickAsync();
            await Assertions.Expect(staff.GetByText("Booked and confirmed: Karima Khatun")).ToBeVisibleAsync();

            // Later she wants to book online: an invitation to an account that is this record.
            await staff.GotoAsync(file);
            await staff.WaitForInteractiveAsync();
            await Assertions.Expect(staff.GetByText("Upcoming (1)")).ToBeVisibleAsync(); // the visit is on her file, and the page has settled
            await staff.GetByTestId("patient-invite").ClickAsync();
            await staff.GetByLabel("Email to sign in with").FillAsync(email);
            await staff.GetByTestId("invite-send").ClickAsync();
            await Assertions.Expect(staff.GetByText($"Invitation sent to {email}.")).ToBeVisibleAsync();
            await Assertions.Expect(staff.GetByTestId("patient-no-account")).ToBeVisibleAsync(); // until she chooses a password

            var mail = await browser.App.WaitForMessageAsync(email, "Your Gomoti Hospital account");
            await patient.GotoAsync(Mailbox.LinkIn(mail, "ResetPassword").PathAndQuery);
            await patient.GetByLabel("Email").FillAsync(email);
            await patient.GetByLabel("New password", new() { Exact = true }).FillAsync("Karima-Chooses-2026");
            await patient.GetByLabel("Confirm the new password").FillAsync("Karima-Chooses-2026");
            await patient.GetByTestId("reset-password").ClickAsync();
            await patient.SignInAsync(email, "Karima-Chooses-2026");
            await patient.GotoAsync("/patient/appointments");
            await patient.WaitForInteractiveAsync();
            await Assertions.Expect(patient.GetByTestId("tab-upcoming")).ToContainTextAsync("Dr. Tanvir Ahmed");
            await Assertions.Expect(patient.GetByTestId("tab-upcoming")).ToContainTextAsync("11:00");
        });
    }
}
