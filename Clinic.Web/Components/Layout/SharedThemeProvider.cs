using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Clinic.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme provider, with the theme's stylesheet (some 23 KB of CSS variables, the
/// largest string a page holds) kept once per process instead of once per open page: every circuit
/// that renders the same theme shares one string. Behaviour is MudBlazor's own; the render below
/// repeats MudBlazor 9.12's (scrollbar, chart hover style, theme); SharedThemeProviderTests compares
/// the two on every run, so an upgrade that changes MudBlazor's markup fails there.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    // A handful of values at most (light and dark of one theme); the bound keeps a surprise from growing it.
    private const int MaxStylesheets = 16;
    private static readonly ConcurrentDictionary<string, string> Stylesheets = new();
    private static readonly string Scrollbar = BuildMudBlazorScrollbar();

    private const string ChartStyle = "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>\n\n";

    private static readonly ConcurrentDictionary<MudTheme, string> DarkWhenTheSystemIs = new();

    /// <summary>
    /// Whether light or dark is not known here (a page rendered without a circuit, or before the
    /// browser has said): the light theme, and the dark one for a browser set to dark, chosen by CSS
    /// alone, so such a page shows the person's choice from its first paint. Set it only with IsDarkMode off.
    /// </summary>
    [Parameter] public bool FollowSystem { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!DefaultScrollbar)
            builder.AddContent(0, (MarkupString)Scrollbar);
        builder.AddMarkupContent(1, ChartStyle);
        builder.AddContent(2, (MarkupString)Shared(BuildTheme()));
        if (FollowSystem)
            builder.AddContent(3, (MarkupString)DarkWhenTheSystemIs.GetOrAdd(GetTheme(), _ => DarkMediaRule()));
    }

    /// <summary>
    /// The dark stylesheet MudBlazor writes, inside a <c>prefers-color-scheme: dark</c> rule. MudBlazor
    /// writes the palette it is told is light: handed the dark palette as the light one, it writes the
    /// dark colours (and names the colour scheme light, which is put right).
    /// </summary>
    private string DarkMediaRule()
    {
        var theme = GetTheme();
        Theme = new MudTheme
        {
            PaletteLight = theme.PaletteDark,
            PaletteDark = theme.PaletteDark,
            Shadows = theme.Shadows,
            Typography = theme.Typography,
            LayoutProperties = theme.LayoutProperties,
            ZIndex = theme.ZIndex,
            PseudoCss = theme.PseudoCss,
        };
        try
        {
            var dark = BuildTheme().Replace("--mud-native-html-color-scheme: light;", "--mud-native-html-color-scheme: dark;", StringComparison.Ordinal);
            return dark.Replace("<style class='mud-theme-provider'>", "<style class='mud-theme-provider-dark'>\n@media (prefers-color-scheme: dark) {", StringComparison.Ordinal)
                .Replace("</style>", "}\n</style>", StringComparison.Ordinal);
        }
        finally
        {
            Theme = theme;
        }
    }

    internal static string Shared(string stylesheet)
    {
        if (Stylesheets.TryGetValue(stylesheet, out var shared))
            return shared;
        return Stylesheets.Count < MaxStylesheets ? Stylesheets.GetOrAdd(stylesheet, stylesheet) : stylesheet;
    }
}
