using Bunit;
using Clinic.Data.Overview;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages.Owner;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Components;

/// <summary>The owner's clinic-wide rules: a number out of range is said, never saved as the nearest allowed one.</summary>
public sealed class ClinicSettingsPageTests : IAsyncLifetime
{
    private readonly DataHarness data = new();

    public Task InitializeAsync() => data.InitializeAsync();

    public Task DisposeAsync() => data.DisposeAsync();

    [Theory]
    [InlineData(-5, "The booking window must be between 1 and 366 days.")]
    [InlineData(0, "The booking window must be between 1 and 366 days.")]
    [InlineData(400, "The booking window must be between 1 and 366 days.")]
    public async Task A_booking_window_out_of_range_is_refused_with_the_reason_and_the_saved_one_stays(int days, string reason)
    {
        var before = (await data.Get<ClinicSettingsEditor>().GetAsync())!.BookingWindowDays;
        await using var context = await OwnersPageAsync();
        var page = context.Render<ClinicSettingsPage>();
        page.WaitForElement("[data-testid=settings-save]");

        page.Find("[data-testid=setting-window] input, input[data-testid=setting-window]").Change(days.ToString());
        await page.InvokeAsync(() => page.Find("[data-testid=settings-save]").ClickAsync(new()));

        page.WaitForAssertion(() => page.Find("[data-testid=settings-errors]").TextContent.Should().Contain(reason));
        (await data.Get<ClinicSettingsEditor>().GetAsync())!.BookingWindowDays.Should().Be(before);
    }

    [Theory]
    [InlineData(false, "Reminder sent this long before a confirmed visit: bell and email")]
    [InlineData(true, "Reminder sent this long before a confirmed visit: bell, email and a text message to the patient")]
    public async Task The_reminder_says_how_it_goes_out_text_message_only_with_a_gateway(bool gateway, string said)
    {
        data.Texts.Sends = gateway;
        await using var context = await OwnersPageAsync();

        var page = context.Render<ClinicSettingsPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=settings-save]").Should().NotBeNull());
        page.Markup.Should().Contain(said);
        if (!gateway)
            page.Markup.Should().NotContain("text message");
    }

    /// <summary>What the settings page needs, signed in as the owner.</summary>
    private async Task<BunitContext> OwnersPageAsync()
    {
        var owner = await data.ActorAsync("owner@gomoti.example");
        var context = MudTestContext.Create(out _);
        context.Services.AddSingleton(data.Get<ClinicSettingsEditor>());
        context.Services.AddScoped<Clinic.Web.Auth.CurrentActor>();
        context.Services.AddSingleton<Clinic.Data.Messaging.ITextMessageSender>(data.Texts);
        BackupCardTests.AddBackups(context, data);
        context.SignIn("owner@gomoti.example", ClinicRoles.Owner, owner.UserId);
        return context;
    }
}
