using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Clinic.Tests.Browser;

/// <summary>The owner opens a branch and moves a doctor there; a patient's open list of doctors shows it without a reload.</summary>
public sealed class BranchesBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_new_branch_and_a_doctor_moved_there_reach_a_patient_s_open_doctor_list_live()
    {
        await using var patientContext = await browser.NewContextAsync(375, 812);
        await using var ownerContext = await browser.NewContextAsync();
        var patient = await patientContext.NewPageAsync();
        var owner = await ownerContext.NewPageAsync();
        await BrowserSteps.RunAsync([patient, owner], async () =>
        {
            await patient.GotoAsync("/doctors");
            await patient.WaitForInteractiveAsync();
            var imran = patient.GetByTestId("doctor-card").Filter(new() { HasText = "Dr. Imran Hossain" });
            await Assertions.Expect(imran.GetByTestId("doctor-branch")).ToHaveTextAsync("Uttara branch");
            var navigations = 0;
            patient.FrameNavigated += (_, _) => navigations++;

            await owner.SignInAsync("owner@gomoti.example", browser.App.DemoPassword);
            await owner.GotoAsync("/owner/branches");
            await owner.WaitForInteractiveAsync();
            await owner.GetByTestId("branch-new").ClickAsync();
            var dialog = owner.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("branch-save").ClickAsync();
            await Assertions.Expect(dialog.GetByTestId("branch-error").First).ToHaveTextAsync("Branch name is required.");
            await dialog.GetByLabel("Branch name").FillAsync("Mirpur");
            await dialog.GetByLabel("Address").FillAsync("Section 10, Mirpur, Dhaka 1216");
            await dialog.GetByTestId("branch-save").ClickAsync();
            await Assertions.Expect(owner.GetByTestId("branch-card-name")).ToHaveTextAsync(["Dhanmondi", "Mirpur", "Uttara"]);

            await owner.GotoAsync("/owner/team");
            await owner.WaitForInteractiveAsync();
            await owner.Locator("tr", new() { HasText = "Dr. Imran Hossain" }).GetByTestId("edit-doctor").ClickAsync();
            var doctor = owner.GetByRole(AriaRole.Dialog);
            await doctor.GetByTestId("doctor-branch-input").ClickAsync();
            await owner.GetByRole(AriaRole.Option, new() { Name = "Mirpur" }).ClickAsync();
            var clock = Stopwatch.StartNew();
            await doctor.GetByTestId("doctor-save").ClickAsync();

            await Assertions.Expect(imran.GetByTestId("doctor-branch")).ToHaveTextAsync("Mirpur branch", new() { Timeout = 5_000 });
            output.WriteLine($"Live: the move reached the patient's list in {clock.ElapsedMilliseconds} ms.");
            await Assertions.Expect(imran.GetByTestId("doctor-address")).ToContainTextAsync("Section 10, Mirpur, Dhaka 1216");
            navigations.Should().Be(0, "the list updates in place");
        });
    }
}
