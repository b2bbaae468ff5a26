using System.Collections.Frozen;
using System.Text.Json;
using Clinic.Domain.Events;

namespace Clinic.Web.Live;

/// <summary>
/// Writes a live event for the relay and reads it back: the event's type name, the instance it came
/// from with its number there (so a copy delivered twice is known), and its ids (events carry ids
/// only; each page re-queries what it shows).
/// </summary>
public static class ClinicEventCodec
{
    private static readonly FrozenDictionary<string, Type> Types = typeof(ClinicEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ClinicEvent)) && !t.IsAbstract)
        .ToFrozenDictionary(t => t.Name);

    private sealed record Envelope(string Origin, string Type, JsonElement Event, long Number = 0);

    public static string Encode(string origin, long number, ClinicEvent clinicEvent) =>
        JsonSerializer.Serialize(new Envelope(origin, clinicEvent.GetType().Name, JsonSerializer.SerializeToElement(clinicEvent, clinicEvent.GetType()), number));

    /// <summary>The event, its origin and its number there, or null for a message this version does not know (a newer instance mid-upgrade).</summary>
    public static (string Origin, long Number, ClinicEvent Event)? Decode(string message)
    {
        var envelope = JsonSerializer.Deserialize<Envelope>(message);
        if (envelope is null || !Types.TryGetValue(envelope.Type, out var type))
            return null;
        return envelope.Event.Deserialize(type) is ClinicEvent clinicEvent ? (envelope.Origin, envelope.Number, clinicEvent) : null;
    }
}
