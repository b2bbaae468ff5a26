using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clinic.Data.Persistence;

/// <summary>
/// SQLite allows one writer at a time; every connection waits this long for the lock
/// instead of failing at once with "database is locked". Set once per database handle: a pooled
/// connection keeps its handle, and a statement per open is a statement per use case.
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && Applied.TryGetValue(handle, out _))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutSeconds * 1000};";
        command.ExecuteNonQuery();
        if (connection is SqliteConnection { Handle: { } opened })
            Applied.AddOrUpdate(opened, opened);
    }
}
