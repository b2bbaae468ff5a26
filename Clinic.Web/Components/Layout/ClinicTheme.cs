using MudBlazor;

namespace Clinic.Web.Components.Layout;

/// <summary>
/// The clinic's colours, light and dark. Every text colour reads at WCAG AA contrast (4.5:1) on the
/// backgrounds it is drawn on (AccessibilityBrowserTests checks each role's pages): MudBlazor's own
/// secondary text, info, error and warning shades fall a little short of it on these backgrounds, and
/// the dark theme's bright colours take dark text.
/// </summary>
public static class ClinicTheme
{
    private const string DarkText = "#0b1220";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0f766e",
            Secondary = "#2563eb",
            AppbarBackground = "#0f766e",
            Background = "#f6f8f8",
            DrawerBackground = "#ffffff",
            TextSecondary = "rgba(0,0,0,0.64)",
            Success = "#15803d",
            Info = "#0867b5",
            Warning = "#b45309",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#2dd4bf",
            PrimaryContrastText = DarkText,
            Secondary = "#60a5fa",
            SecondaryContrastText = DarkText,
            AppbarBackground = "#134e4a",
            Background = "#111827",
            Surface = "#1f2937",
            DrawerBackground = "#1f2937",
            TextSecondary = "rgba(255,255,255,0.70)",
            // An alert's words take the "darken" shade, which on a dark page must stay light enough to read.
            Success = "#34d399",
            SuccessDarken = "#6ee7b7",
            SuccessContrastText = DarkText,
            Info = "#60a5fa",
            InfoDarken = "#93c5fd",
            InfoContrastText = DarkText,
            Warning = "#fbbf24",
            WarningDarken = "#fcd34d",
            WarningContrastText = DarkText,
            Error = "#f87171",
            ErrorDarken = "#fca5a5",
            ErrorContrastText = DarkText,
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
