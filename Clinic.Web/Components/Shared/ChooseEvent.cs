using Microsoft.AspNetCore.Components;

namespace Clinic.Web.Components.Shared;

/// <summary>
/// <c>@onchoose</c>: a click inside a list of plain-markup items, saying which item it was (the
/// <c>data-choice</c> of the nearest item around the click; js/clinic-start.js). The list needs one
/// handler on the server instead of one per item, so it can be written as one piece of markup.
/// Razor finds event attributes on a class of this name only.
/// </summary>
[EventHandler("onchoose", typeof(ChooseEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers
{
}

/// <summary>The chosen item's <c>data-choice</c>; null for a click between items.</summary>
public sealed class ChooseEventArgs : EventArgs
{
    public string? Choice { get; set; }
}
