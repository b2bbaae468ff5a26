using System.Diagnostics;
using Clinic.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Clinic.Tests.Browser;

/// <summary>A patient and a staff member write to each other in two browsers; each message appears on the other side without a reload.</summary>
public sealed class ChatBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_patient_and_staff_exchange_messages_and_each_sees_the_others_live()
    {
        string mituId;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            mituId = await db.Users.Where(u => u.Email == "mitu@patients.example").Select(u => u.Id).SingleAsync();
        await using var patientContext = await browser.NewContextAsync(375, 812);
        await using var staffContext = await browser.NewContextAsync();
        var patient = await patientContext.NewPageAsync();
        var staff = await staffContext.NewPageAsync();
        await BrowserSteps.RunAsync([patient, staff], async () =>
        {
            await patient.SignInAsync("mitu@patients.example", browser.App.DemoPassword);
            await patient.GotoAsync("/messages");
            await patient.WaitForInteractiveAsync();
            await staff.SignInAsync("staff2@gomoti.example", browser.App.DemoPassword);
            await staff.GotoAsync("/messages");
            await staff.WaitForInteractiveAsync();
            var staffBadge = staff.GetByTestId("chat-badge");
            await Assertions.Expect(staffBadge).ToHaveAttributeAsync("data-unread", "0");

            // The patient writes; the staff member's unread count and inbox update live.
            await patient.GetByTestId("chat-input").FillAsync("Is <b>fasting</b> needed before the blood test?");
            var clock = Stopwatch.StartNew();
            await patient.GetByTestId("chat-send").ClickAsync();
            await Assertions.Expect(staffBadge).ToHaveAttributeAsync("data-unread", "1", new() { Timeout = 5_000 });
            output.WriteLine($"Live: the patient's message reached the staff inbox in {clock.ElapsedMilliseconds} ms.");
            await Assertions.Expect(patient.GetByTestId("chat-input")).ToHaveValueAsync("");

            await staff.GetByTestId("inbox-item").Filter(new() { HasText = "Mitu" }).ClickAsync();
            await staff.WaitForURLAsync($"**/messages/{mituId}");
            // Which Mitu: the header tells her apart by date of birth and phone, and opens her file.
            await Assertions.Expect(staff.GetByTestId("chat-patient")).ToHaveTextAsync("Mitu Akter · born 25 Jan 2001 · +880 1711 000003");
            await Assertions.Expect(staff.GetByTestId("chat-patient").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/clinic/patients/{mituId}");
            var received = staff.GetByTestId("chat-text").Last;
            await Assertions.Expect(received).ToHaveTextAsync("Is <b>fasting</b> needed before the blood test?");
            (await received.Locator("b").CountAsync()).Should().Be(0, "markup in a message is shown as text, never rendered");
            await Assertions.Expect(staffBadge).ToHaveAttributeAsync("data-unread", "0");

            // The staff member answers; the patient's open window shows it live.
            await staff.GetByTestId("chat-input").FillAsync("Yes: nothing to eat for 8 hours before.");
            clock.Restart();
            await staff.GetByTestId("chat-send").ClickAsync();
            await Assertions.Expect(patient.GetByTestId("chat-text").Last).ToHaveTextAsync("Yes: nothing to eat for 8 hours before.", new() { Timeout = 5_000 });
            output.WriteLine($"Live: the staff reply reached the patient's open window in {clock.ElapsedMilliseconds} ms.");
            await Assertions.Expect(patient.GetByTestId("chat-message").Last).ToContainTextAsync("Karim");
        });
    }
}
