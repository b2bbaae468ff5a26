using System.Collections.Concurrent;
using System.Diagnostics;
using Clinic.Data.Scheduling;
using Clinic.Domain.Events;
using Clinic.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Clinic.Benchmarks;

/// <summary>
/// Outgrowing one machine, in one run: the API figures on SQLite and then on PostgreSQL (booking
/// throughput with 1, 8 and 16 callers; the busy doctor's month of availability beside /healthz),
/// and the live relay's latency from a publish on instance A to the handler on instance B over a
/// loopback Redis. Needs a PostgreSQL server and a Redis:
///   CLINIC_BENCH_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres" CLINIC_BENCH_REDIS=127.0.0.1:6379 \
///   dotnet run -c Release --project benchmarks/Clinic.Benchmarks -- scale
/// </summary>
public static class ScaleOut
{
    /// <param name="postgresOnly">Only the PostgreSQL figures (for trying a setting), no comparison.</param>
    public static async Task RunAsync(bool postgresOnly = false)
    {
        var server = Environment.GetEnvironmentVariable("CLINIC_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Set CLINIC_BENCH_POSTGRES to a PostgreSQL server's connection string (a database is created and dropped).");
        var redis = Environment.GetEnvironmentVariable("CLINIC_BENCH_REDIS")
            ?? throw new InvalidOperationException("Set CLINIC_BENCH_REDIS to a Redis address, e.g. 127.0.0.1:6379.");

        ApiLoad.Figures? sqlite = null;
        if (!postgresOnly)
        {
            Console.WriteLine("## SQLite");
            sqlite = await ApiLoad.RunAsync(comparison: true);
        }
        Console.WriteLine();
        Console.WriteLine("## PostgreSQL");
        var name = $"clinic_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        ApiLoad.Figures postgres;
        try
        {
            postgres = await ApiLoad.RunAsync(new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(), comparison: true);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }

        if (sqlite is null)
            return;
        Console.WriteLine();
        Console.WriteLine("| Figure | SQLite | PostgreSQL |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| Bookings/s, 1 caller | {sqlite.Book1.PerSecond:0} | {postgres.Book1.PerSecond:0} |");
        Console.WriteLine($"| Bookings/s, 8 callers | {sqlite.Book8.PerSecond:0} | {postgres.Book8.PerSecond:0} |");
        Console.WriteLine($"| Bookings/s, 16 callers | {sqlite.Book16.PerSecond:0} | {postgres.Book16.PerSecond:0} |");
        Console.WriteLine($"| Month of availability, busy doctor (median) | {sqlite.Month.Median:0.00} ms | {postgres.Month.Median:0.00} ms |");
        Console.WriteLine($"| /healthz (median) | {sqlite.Health.Median:0.00} ms | {postgres.Health.Median:0.00} ms |");
        Console.WriteLine($"| Month / healthz | {sqlite.Month.Median / sqlite.Health.Median:0.0}× | {postgres.Month.Median / postgres.Health.Median:0.0}× |");

        Console.WriteLine();
        await RelayLatencyAsync(redis);
    }

    /// <summary>Two relays (two instances' worth) on one Redis: the time from A's publish to B's handler, one event at a time.</summary>
    private static async Task RelayLatencyAsync(string redis)
    {
        const int Events = 2_000;
        var options = Options.Create(new LiveOptions { Redis = redis, Channel = $"clinic:bench:{Guid.NewGuid():N}" });
        await using var clinic = new BenchmarkClinic();
        var availability = clinic.Services.GetRequiredService<SharedReads>();
        await using var a = new RedisEventRelay(new ClinicEventHub(NullLogger<ClinicEventHub>.Instance), availability, options, NullLogger<RedisEventRelay>.Instance);
        await using var b = new RedisEventRelay(new ClinicEventHub(NullLogger<ClinicEventHub>.Instance), availability, options, NullLogger<RedisEventRelay>.Instance);
        await a.StartAsync(CancellationToken.None);
        await b.StartAsync(CancellationToken.None);

        var waiting = new ConcurrentDictionary<Guid, TaskCompletionSource<long>>();
        b.Relayed += e =>
        {
            if (e is AppointmentChanged changed && waiting.TryGetValue(changed.AppointmentId, out var arrival))
                arrival.TrySetResult(Stopwatch.GetTimestamp());
        };
        var latencies = new List<double>();
        for (var i = 0; i < Events + 200; i++)
        {
            var id = Guid.NewGuid();
            var arrival = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting[id] = arrival;
            var sent = Stopwatch.GetTimestamp();
            a.Publish(new AppointmentChanged(id, Guid.NewGuid(), "patient"));
            var received = await arrival.Task.WaitAsync(TimeSpan.FromSeconds(5));
            if (i >= 200) // the first 200 warm up the JIT and the connections
                latencies.Add(Stopwatch.GetElapsedTime(sent, received).TotalMilliseconds);
            waiting.TryRemove(id, out _);
        }
        latencies.Sort();
        double At(double p) => latencies[(int)Math.Ceiling(p * latencies.Count) - 1];
        Console.WriteLine($"Live relay, publish on A to the handler on B over loopback Redis, {Events} events: median {At(0.5):0.00} ms, p95 {At(0.95):0.00} ms, p99 {At(0.99):0.00} ms, max {latencies[^1]:0.00} ms");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
