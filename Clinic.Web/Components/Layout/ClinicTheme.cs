using MudBlazor;

namespace Clinic.Web.Components.Layout;

/// <summary>The clinic's colours, light and dark.</summary>
public static class ClinicTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0f766e",
            Secondary = "#2563eb",
            AppbarBackground = "#0f766e",
            Background = "#f6f8f8",
            DrawerBackground = "#ffffff",
            Success = "#15803d",
            Warning = "#b45309",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#2dd4bf",
            Secondary = "#60a5fa",
            AppbarBackground = "#134e4a",
            Background = "#111827",
            Surface = "#1f2937",
            DrawerBackground = "#1f2937",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
