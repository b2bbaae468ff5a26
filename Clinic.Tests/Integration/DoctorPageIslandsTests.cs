using System.Text.RegularExpressions;
using Clinic.Data.Doctors;
using Clinic.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Integration;

/// <summary>
/// A doctor's page is statically rendered with islands on the circuit, so the server keeps for each
/// of its many visitors only the doctor's card and week, not the whole app around them; a signed-in
/// person's bell, chat badge and dialogs are islands too, so they still work there.
/// </summary>
public sealed partial class DoctorPageIslandsTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Fact]
    public async Task A_visitor_s_circuit_holds_only_the_doctor_s_card_and_week()
    {
        var page = await (await app.CreateBrowserLikeClient().GetAsync(await DoctorPathAsync())).Content.ReadAsStringAsync();

        ServerComponents(page).Should().Be(1, "the week and card are the one island; the layout, menu and app bar are plain HTML");
        page.Should().Contain("data-testid=\"week-label\"", "the island is prerendered, so the week shows before the circuit starts")
            .And.Contain("Sign in</a>", "a visitor's way in is a plain link");
        ServerComponents(await (await app.CreateBrowserLikeClient().GetAsync("/doctors")).Content.ReadAsStringAsync())
            .Should().Be(2, "other pages stay interactive as a whole: the router, and the head beside it");
    }

    [Fact]
    public async Task A_signed_in_patient_also_gets_the_app_bar_and_the_dialogs_as_islands()
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("ayesha@patients.example", app.DemoPassword);

        var page = await (await client.GetAsync(await DoctorPathAsync())).Content.ReadAsStringAsync();

        ServerComponents(page).Should().Be(3, "the providers (popovers, dialogs), the app bar's chat badge and bell, and the card and week");
        page.Should().Contain("data-testid=\"user-menu\"").And.Contain("data-testid=\"bell\"");
        page.Should().NotContain("mud-popover-provider", "the providers are drawn only once the booking dialog is wanted (the browser tests book through it)");
    }

    [Fact]
    public async Task The_static_page_follows_the_browser_s_dark_setting_without_a_circuit()
    {
        var page = await (await app.CreateBrowserLikeClient().GetAsync(await DoctorPathAsync())).Content.ReadAsStringAsync();

        page.Should().Contain("@media (prefers-color-scheme: dark)").And.Contain("--mud-native-html-color-scheme: dark;");
        page.Should().NotContain("aria-label=\"Switch theme\"", "a page without a circuit cannot switch the theme, so it does not offer to");
    }

    [Fact]
    public async Task The_sign_in_pages_follow_the_browser_s_dark_setting_too()
    {
        var page = await (await app.CreateBrowserLikeClient().GetAsync("/Account/Login")).Content.ReadAsStringAsync();

        page.Should().Contain("@media (prefers-color-scheme: dark)").And.Contain("--mud-native-html-color-scheme: dark;");
    }

    private async Task<string> DoctorPathAsync()
    {
        var doctors = await app.Services.GetRequiredService<DoctorDirectory>().ListAsync();
        return $"/doctors/{doctors.First(d => d.FullName.Contains("Farhana")).Id}";
    }

    private static int ServerComponents(string page) => ServerMarker().Count(page);

    [GeneratedRegex("<!--Blazor:\\{\"type\":\"server\"")]
    private static partial Regex ServerMarker();
}
