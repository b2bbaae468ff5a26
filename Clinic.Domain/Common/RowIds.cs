namespace Clinic.Domain.Common;

/// <summary>
/// Keys for rows written many times a day (appointments, their history, notifications, outbox mail,
/// slot switches, waitlist places). Time-ordered (UUID version 7), so each insert lands at the end
/// of the primary-key index instead of on a random page: fewer pages written and checkpointed per
/// booking. Not for anything that must be unguessable.
/// </summary>
public static class RowIds
{
    public static Guid New() => Guid.CreateVersion7();
}
