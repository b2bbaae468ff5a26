using Clinic.Data.Messaging;
using Clinic.Data.Scheduling;
using Clinic.Data.Waitlist;
using Clinic.Domain.Events;

namespace Clinic.Data.Persistence;

/// <summary>
/// The one place that turns committed facts into their consequences: shared availability reads
/// stop being shared, open pages hear each fact once, the outbox worker wakes when mail was written,
/// and the waitlist looks again when a seat may have come free. <see cref="ClinicDbContext"/> calls
/// it after a successful commit only; use cases never do this by hand.
/// </summary>
public sealed class AfterCommit(SharedReads sharedReads, IClinicEvents events, OutboxSignal outbox, WaitlistSignal waitlist)
{
    public void Announce(IReadOnlyCollection<ClinicEvent> facts, bool mailWritten)
    {
        var distinct = facts.Distinct().ToList();
        // Stale shared reads end before any page re-queries.
        if (distinct.Any(f => f is AvailabilityChanged or AppointmentChanged))
            sharedReads.Changed();
        foreach (var fact in distinct)
        {
            if (fact is SeatsMayHaveFreed freed)
                waitlist.SeatsMayHaveFreed(freed.DoctorId);
            else
                events.Publish(fact);
        }
        if (mailWritten)
            outbox.Wake();
    }
}
