using System.Collections.Concurrent;
using Clinic.Domain.Events;

namespace Clinic.Tests.Support;

/// <summary>Remembers every published event, for use-case tests.</summary>
public sealed class RecordingEvents : IClinicEvents
{
    private readonly ConcurrentQueue<ClinicEvent> published = new();

    public IReadOnlyList<ClinicEvent> Published => [.. published];

    public void Publish(ClinicEvent clinicEvent) => published.Enqueue(clinicEvent);
}
