using Clinic.Tests.Data.Images;
using Microsoft.Playwright;

namespace Clinic.Tests.Browser;

/// <summary>The owner presents the clinic: a logo uploaded from the profile page, new opening hours and the language it opens in reach the landing page.</summary>
public sealed class ClinicProfileBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_owner_uploads_a_logo_and_changes_the_opening_hours_and_visitors_see_both()
    {
        await using var context = await browser.NewContextAsync(375, 812);
        var owner = await context.NewPageAsync();
        var visitor = await context.Browser!.NewPageAsync(new() { BaseURL = browser.BaseUrl });
        await BrowserSteps.RunAsync([owner, visitor], async () =>
        {
            await owner.SignInAsync("owner@gomoti.example", browser.App.DemoPassword);
            await owner.GotoAsync("/owner/profile");
            await owner.WaitForInteractiveAsync();
            var before = await owner.GetByTestId("profile-logo").GetAttributeAsync("src");

            await owner.GetByTestId("logo-upload").SetInputFilesAsync(new FilePayload { Name = "not-a-logo.txt", MimeType = "image/png", Buffer = "hello"u8.ToArray() });
            await Assertions.Expect(owner.GetByTestId("logo-upload-error")).ToHaveTextAsync("That file is not a picture we can use: upload a PNG, JPEG or WebP image.");
            await owner.GetByTestId("logo-upload").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = PictureUploadsTests.Picture(600, 300) });
            await Assertions.Expect(owner.GetByTestId("profile-logo")).Not.ToHaveAttributeAsync("src", before!);

            await owner.GetByTestId("profile-hours").FillAsync("Every day 08:00–23:00");
            await owner.GetByTestId("profile-save").ClickAsync();
            await Assertions.Expect(owner.GetByText("Clinic profile saved.")).ToBeVisibleAsync();

            await visitor.GotoAsync("/");
            await Assertions.Expect(visitor.GetByTestId("clinic-hours")).ToHaveTextAsync("Every day 08:00–23:00");
            var logo = visitor.GetByTestId("clinic-logo");
            await Assertions.Expect(logo).ToHaveAttributeAsync("src", (await owner.GetByTestId("profile-logo").GetAttributeAsync("src"))!);
            (await logo.EvaluateAsync<int>("img => img.naturalWidth")).Should().Be(256, "the upload was scaled to the logo's box");
        });
    }

    [Fact]
    public async Task The_owner_opens_the_clinic_in_Bangla_and_a_new_visitor_reads_it_so()
    {
        await using var context = await browser.NewContextAsync(1280, 900);
        var owner = await context.NewPageAsync();
        await using var visitors = await context.Browser!.NewContextAsync(new() { BaseURL = browser.BaseUrl, Locale = "en-US" });
        var visitor = await visitors.NewPageAsync();
        await BrowserSteps.RunAsync([owner, visitor], async () =>
        {
            await owner.SignInAsync("owner@gomoti.example", browser.App.DemoPassword);
            await owner.GotoAsync("/owner/profile");
            await owner.WaitForInteractiveAsync();
            try
            {
                await owner.GetByTestId("profile-language").ClickAsync();
                await owner.GetByRole(AriaRole.Option, new() { Name = "বাংলা" }).ClickAsync();
                await owner.GetByTestId("profile-save").ClickAsync();
                await Assertions.Expect(owner.GetByTestId("profile-language-saved")).ToContainTextAsync("the clinic now opens in বাংলা");
                await Assertions.Expect(owner.Locator("html")).ToHaveAttributeAsync("lang", "en");
                await Assertions.Expect(owner.GetByTestId("profile-language")).ToContainTextAsync("বাংলা");

                await visitor.GotoAsync("/");
                await Assertions.Expect(visitor.Locator("html")).ToHaveAttributeAsync("lang", "bn");
                await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "আমাদের ডাক্তার" })).ToBeVisibleAsync();
            }
            finally
            {
                await owner.WaitForInteractiveAsync();
                await owner.GetByTestId("profile-language").ClickAsync();
                await owner.GetByRole(AriaRole.Option, new() { Name = "English" }).ClickAsync();
                await owner.GetByTestId("profile-save").ClickAsync();
                await Assertions.Expect(owner.GetByTestId("profile-language-saved")).ToContainTextAsync("the clinic now opens in English");
            }
            await visitor.ReloadAsync();
            await Assertions.Expect(visitor.Locator("html")).ToHaveAttributeAsync("lang", "en");
        });
    }
}
