using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clinic.Tests.Support;

/// <summary>
/// The SQL commands EF runs on this async flow while some work runs: to count round trips. Give
/// <see cref="Interceptor"/> to the harness (an interceptor always hears every command; EF's
/// diagnostic events are switched on and off behind a cache and can miss the first ones).
/// </summary>
public static class SqlCommands
{
    private static readonly AsyncLocal<List<string>?> Recording = new();

    public static IInterceptor Interceptor { get; } = new Recorder();

    public static async Task<(T Result, IReadOnlyList<string> Commands)> RecordAsync<T>(Func<Task<T>> run)
    {
        var commands = new List<string>();
        Recording.Value = commands;
        try
        {
            var result = await run();
            lock (commands)
                return (result, [.. commands]);
        }
        finally
        {
            Recording.Value = null;
        }
    }

    private sealed class Recorder : DbCommandInterceptor
    {
        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) => Note(command, result);
        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Note(command, result);
        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Note(command, result);

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Note(command, result));

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Note(command, result));

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Note(command, result));

        private static T Note<T>(DbCommand command, T result)
        {
            if (Recording.Value is { } commands)
            {
                lock (commands)
                    commands.Add(command.CommandText);
            }
            return result;
        }
    }
}
