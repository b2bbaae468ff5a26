namespace Clinic.Domain.Events;

/// <summary>
/// An aggregate that records what happened to it. The data layer announces the recorded facts
/// once the change is committed: never before, never for a rolled-back change, each fact once.
/// </summary>
public interface IRecordsEvents
{
    IReadOnlyList<ClinicEvent> RecordedEvents { get; }

    void ClearRecordedEvents();
}

/// <summary>The usual way to be an <see cref="IRecordsEvents"/>: entities record as they change.</summary>
public abstract class RecordsEvents : IRecordsEvents
{
    private readonly List<ClinicEvent> recorded = [];

    public IReadOnlyList<ClinicEvent> RecordedEvents => recorded;

    public void ClearRecordedEvents() => recorded.Clear();

    protected void Happened(ClinicEvent fact) => recorded.Add(fact);
}
