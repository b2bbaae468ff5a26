using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Booking;

/// <summary>
/// Counts the seat races lost and retried: two writers chose the same seat, the seat index let one
/// in, and the other read again (metric <c>clinic.seat_races_lost</c>, tagged by operation). On
/// SQLite writers take turns and this stays 0; on PostgreSQL it shows real contention.
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
    /// PostgreSQL transaction) until one is not lost to another writer. Other faults pass through.
    /// </summary>
    public async Task<T> RetryAsync<T>(string operation, Func<DbUpdateException, bool> isLostRace, Func<int, Task<T>> attempt)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(number);
            }
            catch (DbUpdateException lostRace) when (isLostRace(lostRace) && number < MaxAttempts)
            {
                lost.Add(1, new KeyValuePair<string, object?>("operation", operation));
            }
        }
    }
}
