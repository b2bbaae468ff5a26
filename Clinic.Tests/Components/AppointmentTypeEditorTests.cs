using Bunit;
using Clinic.Data.Doctors;
using Clinic.Data.Types;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Auth;
using Clinic.Web.Components.Pages.Owner;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Clinic.Tests.Components;

/// <summary>The owner's type editor: every field set in one dialog, refusals said there with nothing saved.</summary>
public sealed class AppointmentTypeEditorTests : IAsyncLifetime
{
    private readonly DataHarness data = new();
    private BunitContext context = null!;

    public async Task InitializeAsync()
    {
        await data.InitializeAsync();
        context = MudTestContext.Create(out _, data.Clock);
        context.Services.AddSingleton(data.Get<AppointmentTypes>());
        context.Services.AddScoped<CurrentActor>();
        var owner = await data.ActorAsync("owner@gomoti.example");
        context.SignIn("Mahmud Hasan", ClinicRoles.Owner, owner.UserId);
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await data.DisposeAsync();
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync(AppointmentTypeView? type)
    {
        var provider = context.Render<MudDialogProvider>();
        var doctors = await data.Get<DoctorDirectory>().ListAsync();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await context.Services.GetRequiredService<IDialogService>().ShowAsync<AppointmentTypeDialog>("Type",
            new DialogParameters<AppointmentTypeDialog> { { d => d.Type, type }, { d => d.Doctors, doctors } }));
        provider.WaitForElement("[data-testid=type-save]");
        return (provider, dialog!);
    }

    [Fact]
    public async Task The_owner_changes_a_type_s_price_colour_buffer_and_online_switch_in_one_save()
    {
        var ecg = (await data.Get<AppointmentTypes>().ListAsync()).Single(t => t.Name == "ECG");
        var (provider, dialog) = await OpenAsync(ecg);

        provider.Find("input[data-testid=type-price]").Input("750");
        provider.Find("input[data-testid=type-buffer]").Input("10");
        provider.Find("button[aria-label='#1E88E5']").Click();
        provider.Find("input[data-testid=type-online]").Change(true);
        await provider.InvokeAsync(() => provider.Find("[data-testid=type-save]").Click());

        (await dialog.Result)!.Canceled.Should().BeFalse();
        var saved = (await data.Get<AppointmentTypes>().ListAsync()).Single(t => t.Name == "ECG");
        (saved.Price, saved.BufferMinutes, saved.Colour, saved.IsOnline).Should().Be((750m, 10, "#1E88E5", true));
        saved.DoctorIds.Should().BeEquivalentTo(ecg.DoctorIds, "the doctors were left as they were");
    }

    [Fact]
    public async Task A_type_with_a_bad_colour_and_no_name_is_refused_in_the_dialog_and_nothing_is_saved()
    {
        var before = await data.Get<AppointmentTypes>().ListAsync();
        var (provider, _) = await OpenAsync(null);

        provider.Find("input[data-testid=type-colour]").Input("teal");
        await provider.InvokeAsync(() => provider.Find("[data-testid=type-save]").Click());

        provider.FindAll("[data-testid=type-error]").Select(e => e.TextContent).Should().BeEquivalentTo(
            ["Name is required.", "Colour must be written as #RRGGBB, e.g. #1E88E5."]);
        provider.FindAll("[data-testid=type-save]").Should().ContainSingle("the dialog stays open with what was typed");
        (await data.Get<AppointmentTypes>().ListAsync()).Should().HaveCount(before.Count);
    }
}
