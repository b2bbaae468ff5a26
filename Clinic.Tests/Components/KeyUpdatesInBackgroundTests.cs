using Bunit;
using Clinic.Tests.Support;
using MudBlazor;

namespace Clinic.Tests.Components;

/// <summary>
/// A choice in a select is taken at once, so a click right after it (before the browser could answer
/// anything) acts on that choice: the browser's answer to the select's key update never comes here.
/// </summary>
public sealed class KeyUpdatesInBackgroundTests
{
    [Fact]
    public async Task A_click_right_after_a_choice_acts_on_that_choice_while_the_browser_has_not_answered()
    {
        await using var context = MudTestContext.Create(out _);
        var keyUpdates = context.JSInterop.SetupVoid("mudKeyInterceptor.updatekey", _ => true); // never answered
        var host = context.Render<ChooseThenActHost>();
        var select = host.FindComponent<MudSelect<string>>();

        _ = host.InvokeAsync(select.Instance.OpenMenu);
        // The choice is not awaited: without the mend it waits for the browser for ever. The button's click
        // is dispatched after it and awaited, as the server handles the next message from the browser.
        var choosing = host.WaitForElements(".mud-list-item").Single(item => item.TextContent.Contains("Mon 14 Dec")).ClickAsync(new());
        await host.Find("#act").ClickAsync(new());

        host.Instance.Acted.Should().Be("until 14 Dec");
        keyUpdates.Invocations.Should().NotBeEmpty("the select still tells the browser which keys it listens to");
        await choosing.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
