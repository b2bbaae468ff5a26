using Clinic.Domain.Events;

namespace Clinic.Web.Live;

/// <summary>
/// The in-process fan-out: use cases publish after commit; every open circuit of this instance that
/// subscribed hears the events it asked for. With several instances, <see cref="RedisEventRelay"/>
/// carries events between hubs. Subscriptions are handed out as IDisposable.
/// </summary>
public sealed class ClinicEventHub(ILogger<ClinicEventHub> logger) : IClinicEvents
{
    private readonly Lock gate = new();
    private Subscription[] subscriptions = [];

    public int SubscriberCount => Volatile.Read(ref subscriptions).Length;

    /// <param name="resync">Runs when events may have been missed (the relay to other instances was down and is back).</param>
    public IDisposable Subscribe(Func<ClinicEvent, bool> filter, Func<ClinicEvent, Task> handler, Func<Task>? resync = null)
    {
        var subscription = new Subscription(this, filter, handler, resync);
        lock (gate)
            subscriptions = [.. subscriptions, subscription];
        return subscription;
    }

    public void Publish(ClinicEvent clinicEvent)
    {
        foreach (var subscription in Volatile.Read(ref subscriptions))
            _ = DeliverAsync(subscription, clinicEvent);
    }

    /// <summary>Every subscriber that can re-query does so once: events from other instances may have been lost.</summary>
    public void Resync()
    {
        foreach (var subscription in Volatile.Read(ref subscriptions))
        {
            if (subscription.Resync is { } resync)
                _ = ResyncAsync(resync);
        }
    }

    private async Task ResyncAsync(Func<Task> resync)
    {
        try
        {
            await resync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A live subscriber failed to re-query after a gap in the relay.");
        }
    }

    // One subscriber that throws is logged and does not stop the others.
    private async Task DeliverAsync(Subscription subscription, ClinicEvent clinicEvent)
    {
        try
        {
            if (subscription.Filter(clinicEvent))
                await subscription.Handler(clinicEvent);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A live subscriber failed to handle {Event}.", clinicEvent);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (gate)
            subscriptions = [.. subscriptions.Where(s => s != subscription)];
    }

    private sealed class Subscription(ClinicEventHub hub, Func<ClinicEvent, bool> filter, Func<ClinicEvent, Task> handler, Func<Task>? resync) : IDisposable
    {
        public Func<ClinicEvent, bool> Filter { get; } = filter;
        public Func<ClinicEvent, Task> Handler { get; } = handler;
        public Func<Task>? Resync { get; } = resync;

        public void Dispose() => hub.Remove(this);
    }
}
