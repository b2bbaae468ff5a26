namespace Clinic.Web.Components.Layout;

/// <summary>
/// MudBlazor's providers on a statically rendered page are drawn only when something on the circuit
/// needs them (a doctor's page: the booking dialog). A patient keeps that page open for a long time
/// and mostly never books from it; until then the circuit holds none of their components.
/// </summary>
public sealed class ProvidersOnDemand
{
    private Func<Task>? show;
    private bool drawn;

    /// <summary>
    /// Whether a component that needs the providers from its first render (a select: its list is a
    /// popover) may be drawn now: the providers are drawn, or this circuit has none on demand.
    /// </summary>
    public bool Ready => show is null || drawn;

    /// <summary>
    /// Completes once the providers are drawn and listening: at once where they always are (an
    /// interactive page) or where there are none (a visitor's page, which opens no dialog).
    /// </summary>
    public Task ReadyAsync() => show?.Invoke() ?? Task.CompletedTask;

    // A page loaded afresh on the same circuit brings providers not drawn yet.
    internal void Attach(Func<Task> showProviders) => (show, drawn) = (showProviders, false);

    internal void Drawn() => drawn = true;

    internal void Detach(Func<Task> showProviders)
    {
        if (show == showProviders)
            (show, drawn) = (null, false);
    }
}
