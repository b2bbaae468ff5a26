using Clinic.Domain.Events;

namespace Clinic.Web.Live;

/// <summary>
/// The one in-process fan-out: use cases publish after commit; every open circuit that
/// subscribed hears the events it asked for. Subscriptions are handed out as IDisposable.
/// </summary>
public sealed class ClinicEventHub(ILogger<ClinicEventHub> logger) : IClinicEvents
{
    private readonly Lock gate = new();
    private Subscription[] subscriptions = [];

    public int SubscriberCount => Volatile.Read(ref subscriptions).Length;

    public IDisposable Subscribe(Func<ClinicEvent, bool> filter, Func<ClinicEvent, Task> handler)
    {
        var subscription = new Subscription(this, filter, handler);
        lock (gate)
            subscriptions = [.. subscriptions, subscription];
        return subscription;
    }

    public void Publish(ClinicEvent clinicEvent)
    {
        foreach (var subscription in Volatile.Read(ref subscriptions))
            _ = DeliverAsync(subscription, clinicEvent);
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

    private sealed class Subscription(ClinicEventHub hub, Func<ClinicEvent, bool> filter, Func<ClinicEvent, Task> handler) : IDisposable
    {
        public Func<ClinicEvent, bool> Filter { get; } = filter;
        public Func<ClinicEvent, Task> Handler { get; } = handler;

        public void Dispose() => hub.Remove(this);
    }
}
