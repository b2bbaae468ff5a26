using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace Clinic.Tests.Browser;

public sealed class AccountsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_owner_adds_a_doctor_who_is_listed_and_invited_by_email()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"dr.rumana-{Guid.NewGuid():N}@gomoti.example";
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.SignInAsync("owner@gomoti.example", browser.App.DemoPassword);
            await page.GotoAsync("/owner/team");
            await page.WaitForInteractiveAsync();
            var form = page.GetByTestId("new-member-form");
            await form.GetByTestId("member-role").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Doctor" }).ClickAsync();
            await form.GetByLabel("Full name").FillAsync("Dr. Rumana Akhter");
            await form.GetByLabel("Email").FillAsync(email);
            await form.GetByLabel("Specialization").FillAsync("Gynecology");
            await form.GetByLabel("Years of experience").FillAsync("11");
            await form.GetByLabel("Consultation fee").FillAsync("1200");
            await form.GetByTestId("member-create").ClickAsync();

            await Assertions.Expect(page.GetByText($"went to {email}")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("tr", new() { HasText = "Dr. Rumana Akhter" })).ToContainTextAsync("Active");
            // The emptied form waits for the next member without scolding: no "required" errors.
            await Assertions.Expect(form.GetByLabel("Full name")).ToHaveValueAsync("");
            await Assertions.Expect(form.Locator(".mud-input-error")).ToHaveCountAsync(0);
            await page.GotoAsync("/");
            var card = page.GetByTestId("doctor-card").Filter(new() { HasText = "Dr. Rumana Akhter" });
            await Assertions.Expect(card.GetByTestId("doctor-specialization")).ToHaveTextAsync("Gynecology");
            await Assertions.Expect(card.GetByTestId("doctor-fee")).ToHaveTextAsync("Consultation BDT 1,200");
        });

        var invitation = Directory.GetFiles(browser.App.PickupDirectory, "*.eml").Select(f => MimeMessage.Load(f))
            .Single(m => m.To.Mailboxes.Any(t => t.Address == email));
        invitation.Subject.Should().Be("Your Gomoti Hospital account");
        // Built from the configured public address, as every other email's links are.
        var publicBase = browser.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Clinic.Web.Email.EmailOptions>>().Value.PublicBaseUrl.TrimEnd('/');
        invitation.HtmlBody.Should().Contain($"href=\"{publicBase}/Account/ResetPassword?code=");
    }

    [Fact]
    public async Task Adding_a_member_with_an_email_in_use_says_so_and_adds_nobody()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.SignInAsync("owner@gomoti.example", browser.App.DemoPassword);
            await page.GotoAsync("/owner/team");
            await page.WaitForInteractiveAsync();
            var rowsBefore = await page.Locator("tbody tr").CountAsync();
            var form = page.GetByTestId("new-member-form");
            await form.GetByLabel("Full name").FillAsync("Second Sadia");
            await form.GetByLabel("Email").FillAsync("staff1@gomoti.example");
            await form.GetByTestId("member-create").ClickAsync();

            await Assertions.Expect(page.GetByTestId("member-errors")).ToContainTextAsync("An account with the email staff1@gomoti.example already exists.");
            await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(rowsBefore);
        });
    }

    [Fact]
    public async Task A_patient_edits_their_profile_and_finds_it_saved()
    {
        await using var context = await browser.NewContextAsync(375, 812);
        var page = await context.NewPageAsync();
        await BrowserSteps.RunAsync([page], async () =>
        {
            await page.SignInAsync("rahim@patients.example", browser.App.DemoPassword);
            await page.GotoAsync("/patient/profile");
            await page.WaitForInteractiveAsync();
            await page.GetByLabel("Phone").FillAsync("+880 1999 765432");
            await page.GetByTestId("profile-save").ClickAsync();
            await Assertions.Expect(page.GetByText("Your profile is saved.")).ToBeVisibleAsync();

            await page.GetByLabel("Phone").FillAsync("no phone");
            await page.GetByTestId("profile-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("profile-errors")).ToContainTextAsync("Write the phone number with 7 to 20 digits");

            await page.GotoAsync("/patient");
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByText("+880 1999 765432")).ToBeVisibleAsync();
        });
    }
}
