using Microsoft.AspNetCore.Components;

namespace Clinic.Web.Components.Shared;

/// <summary>
/// MudBadge's count over an app-bar button, as its markup (overlapping, error colour, 99+ beyond 99):
/// the chat badge and the bell show it on every open page without a component each.
/// </summary>
public static class BadgeMarkup
{
    /// <summary>The count's markup, or nothing when there is nothing unread.</summary>
    public static MarkupString Count(int unread) => unread <= 0
        ? default
        : new MarkupString("<span class=\"mud-badge-wrapper mud-badge-top right\"><span role=\"status\" aria-live=\"polite\" class=\"mud-badge mud-badge-top right mud-elevation-0 mud-theme-error mud-badge-overlap\">"
            + (unread > 99 ? "99+" : unread.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "</span></span>");
}
