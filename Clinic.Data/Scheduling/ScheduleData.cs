using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Clinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Scheduling;

/// <summary>
/// Loads what the calculator needs for many doctors at once: one query per table, whatever the
/// number of doctors, days or slots.
/// </summary>
internal static class ScheduleData
{
    public static async Task<Dictionary<Guid, DoctorSchedule>> SchedulesAsync(ClinicDbContext db, IReadOnlyCollection<Guid> doctorIds,
        DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var (fromUtc, toUtc) = UtcBounds(first, last);
        var rules = await db.WeeklyRules.AsNoTracking().Where(r => doctorIds.Contains(r.DoctorId)).ToListAsync(cancellationToken);
        var exceptions = await db.ScheduleExceptions.AsNoTracking()
            .Where(e => doctorIds.Contains(e.DoctorId) && e.LastDate >= first && e.FirstDate <= last).ToListAsync(cancellationToken);
        var switches = await db.SlotSwitches.AsNoTracking()
            .Where(s => doctorIds.Contains(s.DoctorId) && s.StartUtc >= fromUtc && s.StartUtc < toUtc).ToListAsync(cancellationToken);
        var rulesBy = rules.ToLookup(r => r.DoctorId);
        var exceptionsBy = exceptions.ToLookup(e => e.DoctorId);
        var switchesBy = switches.ToLookup(s => s.DoctorId);
        return doctorIds.ToDictionary(id => id, id => new DoctorSchedule(id, [.. rulesBy[id]], [.. exceptionsBy[id]], [.. switchesBy[id]]));
    }

    /// <summary>Seat-holding bookings per doctor and slot start.</summary>
    public static async Task<Dictionary<Guid, Dictionary<DateTime, int>>> BookedSeatsAsync(ClinicDbContext db, IReadOnlyCollection<Guid> doctorIds,
        DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var seatHolding = AppointmentStatuses.SeatHolding.ToList();
        // Counted in the database from the covering index (doctor, start, status): a busy multi-seat
        // doctor's month is a few hundred rows instead of thousands of bookings.
        var seats = await db.Appointments.AsNoTracking()
            .Where(a => doctorIds.Contains(a.DoctorId) && a.StartUtc >= fromUtc && a.StartUtc < toUtc && seatHolding.Contains(a.Status))
            .GroupBy(a => new { a.DoctorId, a.StartUtc })
            .Select(g => new { g.Key.DoctorId, g.Key.StartUtc, Seats = g.Count() })
            .ToListAsync(cancellationToken);
        var byDoctor = doctorIds.ToDictionary(id => id, _ => new Dictionary<DateTime, int>());
        foreach (var seat in seats)
            byDoctor[seat.DoctorId][seat.StartUtc] = seat.Seats;
        return byDoctor;
    }

    /// <summary>The clinic whose zone and policy apply (one location per installation today).</summary>
    public static async Task<ClinicLocation?> ClinicAsync(ClinicDbContext db, CancellationToken cancellationToken) =>
        await db.Clinics.AsNoTracking().OrderBy(c => c.Name).FirstOrDefaultAsync(cancellationToken);

    /// <summary>UTC instants that surely contain every local time of the dates, in any zone (offsets span -12h to +14h).</summary>
    public static (DateTime FromUtc, DateTime ToUtc) UtcBounds(DateOnly first, DateOnly last) =>
        (DateTime.SpecifyKind(first.ToDateTime(TimeOnly.MinValue).AddHours(-15), DateTimeKind.Utc),
         DateTime.SpecifyKind(last.AddDays(1).ToDateTime(TimeOnly.MinValue).AddHours(13), DateTimeKind.Utc));
}
