using Clinic.Domain.Appointments;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Persistence;

/// <summary>
/// On PostgreSQL, a save that changes the seats of two or more doctors first locks those doctors'
/// rows, in the order of their ids. The seat triggers raise each touched doctor's availability
/// version and so lock its row as the statements run; two moves between the same doctors in
/// opposite directions would take the two rows in opposite orders, and PostgreSQL would end one of
/// them as a deadlock after a second's wait. SQLite lets one writer in at a time, so it needs nothing.
/// The locks last to the end of the use case's transaction; a save without one is its own
/// transaction, which these locks, taken before it, could not reach, so it takes none.
/// </summary>
internal static class DoctorLockOrder
{
    private const string LockRows = """SELECT 1 FROM "Doctors" WHERE "Id" = ANY({0}) ORDER BY "Id" FOR UPDATE""";

    public static async Task TakeAsync(ClinicDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction is null)
            return;
        var doctors = db.ChangeTracker.Entries<AppointmentSeat>()
            .Where(seat => seat.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            .Select(seat => seat.Entity.DoctorId)
            .Distinct()
            .Order()
            .ToArray();
        if (doctors.Length > 1)
            await db.Database.ExecuteSqlRawAsync(LockRows, [doctors], cancellationToken);
    }
}
