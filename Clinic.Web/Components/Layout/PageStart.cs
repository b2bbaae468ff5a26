using Microsoft.AspNetCore.Components;

namespace Clinic.Web.Components.Layout;

/// <summary>
/// Whether a part of a page meant to be live is still the server's first drawing of it (prerendered,
/// its circuit not started yet). Such a part carries <c>data-starting</c>, and js/clinic-while-starting.js
/// holds a tap made on it until the part is live, instead of losing it.
/// </summary>
public static class PageStart
{
    public static bool IsStarting(RendererInfo renderer, IComponentRenderMode? assignedRenderMode) =>
        !renderer.IsInteractive && assignedRenderMode is not null;
}
