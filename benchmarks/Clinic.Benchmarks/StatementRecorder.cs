using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clinic.Benchmarks;

/// <summary>The statements (text and parameter values) EF sends while recording is on: to replay a booking's exact work without EF.</summary>
public sealed class StatementRecorder : DbCommandInterceptor
{
    public sealed record Statement(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);

    private List<Statement>? recording;

    public void Start() => recording = [];

    public IReadOnlyList<Statement> Stop()
    {
        var statements = recording ?? [];
        recording = null;
        return statements;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    private void Note(DbCommand command) =>
        recording?.Add(new Statement(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))]));
}

/// <summary>How long commits take, summed: to tell the database's share of a booking from the code's.</summary>
public sealed class CommitClock : DbTransactionInterceptor
{
    private long ticks;
    private int count;

    public (double AverageMs, int Count) Take()
    {
        var result = (count == 0 ? 0 : TimeSpan.FromTicks(Interlocked.Exchange(ref ticks, 0)).TotalMilliseconds / count, count);
        count = 0;
        return result;
    }

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref ticks, eventData.Duration.Ticks);
        Interlocked.Increment(ref count);
        return Task.CompletedTask;
    }
}
