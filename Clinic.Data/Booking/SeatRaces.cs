using System.Diagnostics.Metrics;
using Clinic.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Booking;

/// <summary>
/// Counts the seat races lost and retried: two writers chose the same seat, the seat index let one
/// in, and the other read again (metric <c>clinic.seat_races_lost</c>, tagged by operation and
/// reason). On SQLite writers take turns and this stays 0; on PostgreSQL it shows real contention.
/// </summary>
public sealed class SeatRaces(IMeterFactory meters)
{
    public const string MeterName = "Clinic.Booking";
    public const string InstrumentName = "clinic.seat_races_lost";

    /// <summary>
    /// Each lost race means another writer took a seat of the slot, so a writer loses at most as
    /// many races as the slot has seats; past this many something else is wrong.
    /// </summary>
    public const int MaxAttempts = 100;

    private readonly Counter<long> lost = meters.Create(MeterName).CreateCounter<long>(InstrumentName, description: "Seat races lost to another writer and retried");

    /// <summary>
    /// Runs one attempt after another (each in a fresh transaction: a failed statement ends a
    /// PostgreSQL transaction) until one is not lost to another writer. A deadlock the database
    /// broke by ending this attempt is lost the same way (saves lock doctors in one order, so this is
    /// the net under that). Other faults pass through.
    /// </summary>
    public async Task<T> RetryAsync<T>(string operation, Func<DbUpdateException, bool> isLostRace, Func<int, Task<T>> attempt)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(number);
            }
            catch (Exception failure) when (number < MaxAttempts && Lost(failure, isLostRace) is { } reason)
            {
                lost.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("reason", reason));
            }
        }
    }

    private static string? Lost(Exception failure, Func<DbUpdateException, bool> isLostRace) =>
        failure is DbUpdateException update && isLostRace(update) ? "seat"
        : DatabaseFaults.IsDeadlock(failure) ? "deadlock"
        : null;
}
