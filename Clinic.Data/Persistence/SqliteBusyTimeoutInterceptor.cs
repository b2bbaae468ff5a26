using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clinic.Data.Persistence;

/// <summary>
/// SQLite allows one writer at a time; every connection waits this long for the lock
/// instead of failing at once with "database is locked".
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutSeconds * 1000};";
        command.ExecuteNonQuery();
    }
}
