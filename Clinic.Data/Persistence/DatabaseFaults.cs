using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Clinic.Data.Persistence;

/// <summary>
/// Tells the one database refusal the use cases expect (a seat of a slot already held) from every
/// other fault. Only this refusal becomes "Already booked"; a full disk or a lost connection is
/// left to fail as the server error it is.
/// </summary>
public static class DatabaseFaults
{
    /// <summary>The key of the seats table: one appointment per seat of a slot.</summary>
    public const string SeatKey = "PK_Seats";

    // SQLite names the columns, not the key, in its message.
    private const string SqliteSeatColumns = "Seats.DoctorId, Seats.StartUtc, Seats.SeatNumber";
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>True when the save failed because another transaction holds the seat it tried to take.</summary>
    public static bool IsSeatTaken(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation && postgres.ConstraintName == SeatKey,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique && sqlite.Message.Contains(SqliteSeatColumns, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// True when PostgreSQL ended this transaction to break a deadlock, wherever in the chain of
    /// causes it says so (EF Core wraps it once for the save and again as a transient fault).
    /// </summary>
    public static bool IsDeadlock(Exception exception)
    {
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected })
                return true;
        }
        return false;
    }

    /// <summary>A lost race a use case answers by reading again: the seat index, or a row another transaction changed first.</summary>
    public static bool IsLostRace(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || IsSeatTaken(exception);
}
