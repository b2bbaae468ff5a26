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

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!DefaultScrollbar)
            builder.AddContent(0, (MarkupString)Scrollbar);
        builder.AddMarkupContent(1, ChartStyle);
        builder.AddContent(2, (MarkupString)Shared(BuildTheme()));
    }

    internal static string Shared(string stylesheet)
    {
        if (Stylesheets.TryGetValue(stylesheet, out var shared))
            return shared;
        return Stylesheets.Count < MaxStylesheets ? Stylesheets.GetOrAdd(stylesheet, stylesheet) : stylesheet;
    }
}
