using Bunit;
using Clinic.Tests.Support;
using Clinic.Web.Components.Layout;
using MudBlazor;

namespace Clinic.Tests.Components;

/// <summary>
/// The theme provider that keeps one stylesheet per process writes what MudBlazor's own writes, so
/// an upgrade of MudBlazor that changes its theme's markup fails here instead of on every page.
/// </summary>
public sealed class SharedThemeProviderTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task It_renders_exactly_what_MudBlazor_s_theme_provider_renders(bool dark, bool defaultScrollbar)
    {
        await using var context = MudTestContext.Create(out _);

        var ours = context.Render<SharedThemeProvider>(p => p
            .Add(t => t.Theme, ClinicTheme.Theme).Add(t => t.IsDarkMode, dark).Add(t => t.DefaultScrollbar, defaultScrollbar));
        var mudBlazors = context.Render<MudThemeProvider>(p => p
            .Add(t => t.Theme, ClinicTheme.Theme).Add(t => t.IsDarkMode, dark).Add(t => t.DefaultScrollbar, defaultScrollbar));

        ours.Markup.Should().Contain("--mud-palette-primary").And.Be(mudBlazors.Markup);
    }

    [Fact]
    public async Task Following_the_system_it_adds_MudBlazor_s_dark_stylesheet_for_a_browser_set_to_dark()
    {
        await using var context = MudTestContext.Create(out _);

        var ours = context.Render<SharedThemeProvider>(p => p.Add(t => t.Theme, ClinicTheme.Theme).Add(t => t.FollowSystem, true)).Markup;
        var light = context.Render<MudThemeProvider>(p => p.Add(t => t.Theme, ClinicTheme.Theme)).Markup;
        var dark = context.Render<MudThemeProvider>(p => p.Add(t => t.Theme, ClinicTheme.Theme).Add(t => t.IsDarkMode, true)).Markup;

        ours.Should().StartWith(light, "the light theme stays first, for every browser");
        var rule = ours[light.Length..];
        rule.Should().Contain("@media (prefers-color-scheme: dark) {");
        Declarations(rule).Should().Equal(Declarations(dark), "the dark rule says what MudBlazor's dark theme says, colour scheme included");
    }

    private static string[] Declarations(string markup) =>
        [.. markup.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("--", StringComparison.Ordinal))];

    [Fact]
    public async Task Every_page_that_renders_the_same_theme_holds_one_copy_of_its_stylesheet()
    {
        await using var context = MudTestContext.Create(out _);
        var stylesheet = context.Render<MudThemeProvider>(p => p.Add(t => t.Theme, ClinicTheme.Theme)).Markup;
        // Two pages build equal stylesheets as two strings; the provider hands both the first.
        var (one, other) = (new string(stylesheet.AsSpan()), new string(stylesheet.AsSpan()));

        var first = SharedThemeProvider.Shared(one);
        var second = SharedThemeProvider.Shared(other);

        second.Should().Be(stylesheet);
        ReferenceEquals(first, second).Should().BeTrue("the second page keeps the string the first made, not its own");
    }
}
