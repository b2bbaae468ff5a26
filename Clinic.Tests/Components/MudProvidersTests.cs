using Bunit;
using Clinic.Tests.Support;
using Clinic.Web.Components.Layout;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Clinic.Tests.Components;

/// <summary>MudBlazor's providers drawn on demand on a static page: nothing kept until a dialog is wanted, and then it shows.</summary>
public sealed class MudProvidersTests
{
    [Fact]
    public async Task Deferred_providers_draw_nothing_until_asked_and_then_show_the_dialog_asked_for()
    {
        await using var context = MudTestContext.Create(out _);
        var providers = context.Render<MudProviders>(p => p.Add(m => m.Deferred, true));
        providers.FindComponents<MudDialogProvider>().Should().BeEmpty("a patient who never books keeps no providers on the server");
        providers.FindComponents<MudPopoverProvider>().Should().BeEmpty();
        context.Services.GetRequiredService<ProvidersOnDemand>().Ready.Should().BeFalse("a select drawn now could not open its list");

        await providers.InvokeAsync(async () =>
        {
            await context.Services.GetRequiredService<ProvidersOnDemand>().ReadyAsync();
            _ = context.Services.GetRequiredService<IDialogService>().ShowMessageBoxAsync("Book this time", "Thursday 10:00 with Dr. Farhana Rahman");
        });

        providers.WaitForAssertion(() => providers.Markup.Should().Contain("Thursday 10:00 with Dr. Farhana Rahman"));
        providers.FindComponents<MudPopoverProvider>().Should().ContainSingle("the dialog's choices need the popover provider too");
        context.Services.GetRequiredService<ProvidersOnDemand>().Ready.Should().BeTrue();
    }

    [Fact]
    public async Task Asking_again_draws_them_once()
    {
        await using var context = MudTestContext.Create(out _);
        var providers = context.Render<MudProviders>(p => p.Add(m => m.Deferred, true));
        var onDemand = context.Services.GetRequiredService<ProvidersOnDemand>();

        await providers.InvokeAsync(onDemand.ReadyAsync);
        await providers.InvokeAsync(onDemand.ReadyAsync);

        providers.FindComponents<MudDialogProvider>().Should().ContainSingle();
    }

    [Fact]
    public async Task Providers_of_a_page_loaded_afresh_on_the_circuit_are_not_taken_for_drawn()
    {
        await using var context = MudTestContext.Create(out _);
        var onDemand = context.Services.GetRequiredService<ProvidersOnDemand>();
        var first = context.Render<MudProviders>(p => p.Add(m => m.Deferred, true));
        await first.InvokeAsync(onDemand.ReadyAsync);
        onDemand.Ready.Should().BeTrue();

        await context.DisposeComponentsAsync();
        var next = context.Render<MudProviders>(p => p.Add(m => m.Deferred, true));

        onDemand.Ready.Should().BeFalse("the next doctor's page draws its own providers when asked");
        await next.InvokeAsync(onDemand.ReadyAsync);
        next.FindComponents<MudPopoverProvider>().Should().ContainSingle();
    }

    [Fact]
    public async Task Where_the_providers_are_always_drawn_or_absent_nothing_waits()
    {
        await using var context = MudTestContext.Create(out _);
        var onDemand = context.Services.GetRequiredService<ProvidersOnDemand>();
        onDemand.ReadyAsync().IsCompleted.Should().BeTrue("a visitor's page has no providers and opens no dialog");
        onDemand.Ready.Should().BeTrue();

        var providers = context.Render<MudProviders>();
        providers.FindComponents<MudDialogProvider>().Should().ContainSingle("an interactive page draws them at once");
        onDemand.ReadyAsync().IsCompleted.Should().BeTrue();
    }
}
