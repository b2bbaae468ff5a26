using Microsoft.AspNetCore.Components;

namespace Clinic.Web.Localization;

/// <summary>The address that shows the page being looked at (with its query) in another language.</summary>
public static class LanguageLink
{
    public static string To(Language language, NavigationManager navigation) =>
        $"/language/{language.Code}?back={Uri.EscapeDataString("/" + navigation.ToBaseRelativePath(navigation.Uri))}";
}
