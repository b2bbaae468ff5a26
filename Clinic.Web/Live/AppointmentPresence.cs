using System.Collections.Concurrent;
using Clinic.Domain.Events;

namespace Clinic.Web.Live;

/// <summary>
/// Who has an appointment open right now, across every app instance. Each open page announces
/// itself when it opens and when it closes, and again every <see cref="Heartbeat"/>; a newcomer is
/// answered by everyone already there, so it learns who is looking without a shared store. A viewer
/// not heard of for <see cref="Expiry"/> (an instance that died) is dropped.
/// </summary>
public sealed class AppointmentPresence : IDisposable
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(65);

    private readonly IClinicEvents events;
    private readonly TimeProvider clock;
    private readonly IDisposable subscription;
    private readonly ITimer heartbeat;
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, Viewer>> heard = new();
    private readonly ConcurrentDictionary<string, PresenceAnnounced> mine = new();

    public AppointmentPresence(IClinicEvents events, ClinicEventHub hub, TimeProvider clock)
    {
        (this.events, this.clock) = (events, clock);
        subscription = hub.Subscribe(e => e is PresenceAnnounced, e => Hear((PresenceAnnounced)e));
        heartbeat = clock.CreateTimer(_ => AnnounceMine(_ => true), null, Heartbeat, Heartbeat);
    }

    /// <summary>One person looking at one appointment, and when they were last heard of.</summary>
    public sealed record Viewer(string Key, string UserId, string Name, DateTimeOffset LastHeard);

    /// <summary>Announces that this person has the appointment open until the returned handle is disposed.</summary>
    public IDisposable Look(Guid appointmentId, string userId, string name)
    {
        var here = new PresenceAnnounced(appointmentId, Guid.NewGuid().ToString("N"), userId, name, true);
        mine[here.ViewerKey] = here;
        events.Publish(here);
        return new Looking(this, here);
    }

    /// <summary>Everyone heard of lately with the appointment open, each tab once.</summary>
    public IReadOnlyList<Viewer> Viewers(Guid appointmentId)
    {
        if (!heard.TryGetValue(appointmentId, out var viewers))
            return [];
        var since = clock.GetUtcNow() - Expiry;
        return [.. viewers.Values.Where(v => v.LastHeard >= since).OrderBy(v => v.LastHeard)];
    }

    private Task Hear(PresenceAnnounced announced)
    {
        var viewers = heard.GetOrAdd(announced.AppointmentId, _ => new());
        if (!announced.Present)
        {
            viewers.TryRemove(announced.ViewerKey, out _);
            if (viewers.IsEmpty)
                heard.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<string, Viewer>>(announced.AppointmentId, viewers));
            return Task.CompletedTask;
        }
        var isNew = !viewers.ContainsKey(announced.ViewerKey);
        viewers[announced.ViewerKey] = new Viewer(announced.ViewerKey, announced.UserId, announced.Name, clock.GetUtcNow());
        // A newcomer from elsewhere learns who was here before it by hearing them again.
        if (isNew && !mine.ContainsKey(announced.ViewerKey))
            AnnounceMine(m => m.AppointmentId == announced.AppointmentId);
        return Task.CompletedTask;
    }

    private void AnnounceMine(Func<PresenceAnnounced, bool> which)
    {
        foreach (var here in mine.Values.Where(which))
            events.Publish(here);
    }

    private void Leave(PresenceAnnounced here)
    {
        if (mine.TryRemove(here.ViewerKey, out _))
            events.Publish(here with { Present = false });
    }

    public void Dispose()
    {
        heartbeat.Dispose();
        subscription.Dispose();
    }

    private sealed class Looking(AppointmentPresence presence, PresenceAnnounced here) : IDisposable
    {
        public void Dispose() => presence.Leave(here);
    }
}
