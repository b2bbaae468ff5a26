using Clinic.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Scheduling;

/// <summary>
/// What a doctor's availability depends on in the database, read in one small statement: the
/// doctor's availability version (raised by triggers in the same transaction as any change to the
/// doctor's seats, weekly rules, exceptions or slot switches, whichever code or tool makes it) and
/// the clinic's zone, booking rules and the phone the calendar names. Equal stamps mean equal data behind the answer.
/// </summary>
public sealed record AvailabilityStamp(long Version, string TimeZoneId, int BookingWindowDays, int MinimumNoticeHours, int CancellationCutoffHours, string? Phone)
{
    /// <summary>The doctor row's column the triggers raise (migration AvailabilityVersion).</summary>
    public const string Column = "AvailabilityVersion";

    /// <summary>The doctor's stamp now; null for an unknown doctor.</summary>
    internal static Task<AvailabilityStamp?> ReadAsync(ClinicDbContext db, Guid doctorId, CancellationToken cancellationToken) =>
        Read.For(db)(db, doctorId, cancellationToken);

    private static readonly CompiledPerModel<Func<ClinicDbContext, Guid, CancellationToken, Task<AvailabilityStamp?>>> Read = new(() =>
        EF.CompileAsyncQuery((ClinicDbContext db, Guid doctorId, CancellationToken _) =>
            db.Doctors.AsNoTracking().Where(d => d.Id == doctorId)
                .Join(db.Clinics.AsNoTracking(), d => d.ClinicId, c => c.Id, (d, c) =>
                    new AvailabilityStamp(EF.Property<long>(d, Column), c.TimeZoneId, c.BookingWindowDays, c.MinimumNoticeHours, c.CancellationCutoffHours, c.Phone))
                .FirstOrDefault()));
}
