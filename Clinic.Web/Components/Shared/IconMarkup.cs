using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Clinic.Web.Components.Shared;

/// <summary>
/// A MudBlazor icon as the markup <c>MudIcon</c> renders, for places that only show it: no
/// component per icon on each open page, and one string per icon, size and colour per process
/// (the path data is most of a page's markup that is not text).
/// </summary>
public static class IconMarkup
{
    /// <summary><c>MudIconButton</c>'s classes, for a plain button drawn as one (no component per button).</summary>
    public const string ButtonClasses = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon";

    /// <summary>The same in the app bar, where the icon takes the bar's text colour.</summary>
    public const string AppBarButtonClasses = ButtonClasses + " mud-inherit-text hover:mud-inherit-hover";

    private static readonly ConcurrentDictionary<(string Icon, string Size, string? Color, string? Class), MarkupString> Written = new();
    private static readonly ConcurrentDictionary<string, MarkupString> Labels = new();

    /// <param name="icon">An <c>Icons.Material...</c> constant.</param>
    /// <param name="size">small, medium or large.</param>
    /// <param name="color">A MudBlazor text colour (<c>success</c> for <c>mud-success-text</c>), or null.</param>
    /// <param name="cssClass">Further classes (a constant: each value is kept).</param>
    /// <summary>An icon button's content, as <c>MudIconButton</c> renders it: the icon in its label.</summary>
    public static MarkupString InButton(string icon) =>
        Labels.GetOrAdd(icon, key => new MarkupString($"<span class=\"mud-icon-button-label\">{Of(key).Value}</span>"));

    public static MarkupString Of(string icon, string size = "medium", string? color = null, string? cssClass = null) =>
        Written.GetOrAdd((icon, size, color, cssClass), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon{(key.Color is null ? "" : $" mud-{key.Color}-text")} mud-icon-size-{key.Size}{(key.Class is null ? "" : $" {key.Class}")}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Icon}</svg>"));
}
