using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Clinic.Web.Live;

/// <summary>
/// One per circuit: tells the circuit's live components when the browser came back after a dropped
/// connection, so they re-query rather than trust that they saw every event.
/// </summary>
public sealed class LiveCircuit : CircuitHandler
{
    private int connections;

    public event Func<Task>? Reconnected;

    public bool IsConnected { get; private set; }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        IsConnected = true;
        // The first connection is the page loading; any later one is a reconnect.
        if (Interlocked.Increment(ref connections) > 1 && Reconnected is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
                await handler();
        }
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        IsConnected = false;
        return Task.CompletedTask;
    }
}
