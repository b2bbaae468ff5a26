using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Components;

namespace Clinic.Web.Components.Shared;

/// <summary>
/// MudMenuItem's markup for the app bar's menus, which are the browser's own popovers (no MudMenu
/// kept per open page): the item's classes, and its icon and label as MudMenuItem writes them.
/// </summary>
public static class MenuMarkup
{
    /// <summary>The classes of a clickable <c>MudMenuItem</c>.</summary>
    public const string ItemClasses = "mud-menu-item mud-ripple mud-list-item-clickable";

    private static readonly ConcurrentDictionary<(string Icon, string Label), MarkupString> Written = new();

    /// <summary>An item's icon and label (constants: each pair is kept once per process).</summary>
    public static MarkupString IconAndLabel(string icon, string label) =>
        Written.GetOrAdd((icon, label), key => new MarkupString(
            IconMarkup.Of(key.Icon, cssClass: "mud-menu-item-icon").Value
            + $"<p class=\"mud-typography mud-typography-body1 mud-menu-item-text\">{WebUtility.HtmlEncode(key.Label)}</p>"));
}
