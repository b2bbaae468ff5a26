using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Clinic.Benchmarks;

/// <summary>
/// The API under load over loopback, against the real app (Release) as its own process on a large
/// clinic: 100 doctors with 20,000 bookings, plus one doctor with 6,000 bookings in the 60-day window.
/// A closed-loop .NET load generator (N workers, each sending its next request when the last returns)
/// records every latency. Run: dotnet build -c Release Clinic.Web and then
/// dotnet run -c Release --project benchmarks/Clinic.Benchmarks -- api
/// </summary>
public static class ApiLoad
{
    private const string Password = "Bench-Password-2026";

    /// <summary>The figures the scale-out comparison sets side by side.</summary>
    public sealed record Figures(Stats Health, Stats Month, Stats Book1, Stats Book8, Stats Book16);

    /// <param name="postgres">An empty PostgreSQL database to run on; null for SQLite.</param>
    /// <param name="comparison">Only what the SQLite-beside-PostgreSQL comparison reports.</param>
    public static async Task<Figures> RunAsync(string? postgres = null, bool comparison = false)
    {
        await using var clinic = new BenchmarkClinic(postgres);
        await clinic.SeedAsync();
        var busy = await clinic.AddBusyDoctorAsync(6_000);
        var emails = await clinic.AddSignInPatientsAsync(100, Password);
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();

        var port = AppProcess.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var settings = new Dictionary<string, string>(clinic.AppSettings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Clinic__Api__RateLimit__TokenLimit"] = "100000000",
            ["Clinic__Api__RateLimit__TokensPerPeriod"] = "100000000",
            // One load client signs in as 100 patients: lift the per-client sign-in throttle.
            ["Clinic__Security__Throttle__SignInPerClient__Permits"] = "100000",
        };
        using var server = AppProcess.Start(port, settings);
        try
        {
            await AppProcess.WaitUntilUpAsync(baseUrl);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(baseUrl) };
            // Production serves HTTPS only; the load client speaks as the clinic's TLS-ending proxy would.
            http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Console.WriteLine("| Request | Clients | Requests | Median | p95 | p99 | Requests/s | Not 2xx |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");

            if (Environment.GetEnvironmentVariable("CLINIC_BENCH_HOLD") is { } hold)
            {
                // For looking closer by hand (curl, a profiler): the app stays up this many seconds.
                Console.WriteLine($"Holding {baseUrl} for {hold} s; busy doctor {busy}");
                await Task.Delay(TimeSpan.FromSeconds(int.Parse(hold)));
            }
            var health = await MeasureAsync("GET /healthz (trivial: one SELECT 1)", 1, 3000, _ => http.GetAsync("/healthz"));
            var month = await MeasureAsync("GET availability, busy doctor, 31 days", 1, 1000,
                _ => http.GetAsync($"/api/v1/doctors/{busy}/availability?from={today:yyyy-MM-dd}&days=31"));
            Console.WriteLine($"| *ratio month / trivial (median)* | | | {month.Median / health.Median:0.0}× | | | | |");
            if (!comparison)
            {
                await MeasureAsync("GET calendar summary, busy doctor, 31 days", 1, 1000,
                    _ => http.GetAsync($"/api/v1/doctors/{busy}/calendar?from={today:yyyy-MM-dd}&days=31"));
                await MeasureAsync("GET availability, busy doctor, 7 days", 1, 1000,
                    _ => http.GetAsync($"/api/v1/doctors/{busy}/availability?from={today:yyyy-MM-dd}&days=7"));
                await MeasureAsync("GET availability, busy doctor, 31 days", 4, 2000,
                    _ => http.GetAsync($"/api/v1/doctors/{busy}/availability?from={today:yyyy-MM-dd}&days=31"));
                var bulk = new { doctorIds = clinic.DoctorIds, dates = Enumerable.Range(0, 7).Select(d => today.AddDays(d)).ToArray() };
                await MeasureAsync("POST availability/bulk, 100 doctors × 7 days", 1, 300, _ => http.PostAsJsonAsync("/api/v1/availability/bulk", bulk));
            }

            var tokens = await Task.WhenAll(emails.Select(email => TokenAsync(http, email)));
            var bookings = await FreeSlotsAsync(http, clinic.DoctorIds, tokens);
            var book1 = await MeasureAsync("POST appointments (distinct free slots)", 1, 500, i => BookAsync(http, bookings[i]));
            var book8 = await MeasureAsync("POST appointments (distinct free slots)", 8, 1500, i => BookAsync(http, bookings[500 + i]));
            var book16 = await MeasureAsync("POST appointments (distinct free slots)", 16, 3000, i => BookAsync(http, bookings[2000 + i]));
            if (!comparison)
            {
                // The month as the first reader after a change finds it: a seat of the busy doctor is
                // booked (untimed) before each request, so no answer worked out before may be reused.
                // The seats are in the month after (the patients hold visits in this one by now); any
                // seat of the doctor raises the version the kept answers are checked against.
                var busySeats = await FreeSlotsAsync(http, [busy], tokens, today.AddDays(31));
                var changed = await MeasureAsync("GET availability, busy doctor, 31 days, a seat booked before each", 1, 300, async i =>
                {
                    (await BookAsync(http, busySeats[i])).EnsureSuccessStatusCode();
                    return null;
                }, i => http.GetAsync($"/api/v1/doctors/{busy}/availability?from={today:yyyy-MM-dd}&days=31"));
                Console.WriteLine($"| *ratio month after a change / trivial (median)* | | | {changed.Median / health.Median:0.0}× | | | | |");
            }
            return new Figures(health, month, book1, book8, book16);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    public sealed record Stats(double Median, double P95, double P99, double PerSecond, int Failures);

    private static Task<Stats> MeasureAsync(string name, int clients, int requests, Func<int, Task<HttpResponseMessage>> send) =>
        MeasureAsync(name, clients, requests, null, send);

    /// <param name="before">Untimed work before each timed request (null: none).</param>
    private static async Task<Stats> MeasureAsync(string name, int clients, int requests, Func<int, Task<HttpResponseMessage?>>? before, Func<int, Task<HttpResponseMessage>> send)
    {
        if (!name.StartsWith("POST appointments") && before is null)
        {
            for (var i = 0; i < 50; i++)
                (await send(i)).Dispose(); // warm-up: JIT, connection, caches
        }
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                if (before is not null)
                    (await before(i))?.Dispose();
                var started = Stopwatch.GetTimestamp();
                using var response = await send(i);
                await response.Content.LoadIntoBufferAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                    Interlocked.Increment(ref failures);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToList();
        var stats = new Stats(At(sorted, 0.5), At(sorted, 0.95), At(sorted, 0.99), requests / elapsed, failures);
        Console.WriteLine($"| {name} | {clients} | {requests} | {stats.Median:0.00} ms | {stats.P95:0.00} ms | {stats.P99:0.00} ms | {(before is null ? stats.PerSecond.ToString("0") : "–")} | {failures} |");
        return stats;
    }

    private static double At(IReadOnlyList<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<string> TokenAsync(HttpClient http, string email)
    {
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private sealed record Booking(Guid DoctorId, DateTime StartUtc, string Token);

    /// <summary>Free slots of the one-seat doctors, each given a patient who has nothing else at that time.</summary>
    private static async Task<IReadOnlyList<Booking>> FreeSlotsAsync(HttpClient http, IReadOnlyList<Guid> doctorIds, IReadOnlyList<string> tokens, DateOnly? from = null)
    {
        var free = new List<(Guid Doctor, DateTime Start)>();
        foreach (var doctorId in doctorIds)
        {
            var week = await http.GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{doctorId}/availability?days=30" + (from is { } first ? $"&from={first:yyyy-MM-dd}" : ""));
            free.AddRange(week.GetProperty("slots").EnumerateArray().Where(s => s.GetProperty("state").GetString() == "Available")
                .Select(s => (doctorId, s.GetProperty("startUtc").GetDateTime())));
        }
        // Interleave by start so consecutive requests hit different doctors, as real traffic would.
        return [.. free.GroupBy(f => f.Start).SelectMany(group => group.Select((f, index) => new Booking(f.Doctor, f.Start, tokens[index % tokens.Count])))
            .OrderBy(b => b.DoctorId).ThenBy(b => b.StartUtc)];
    }

    private static Task<HttpResponseMessage> BookAsync(HttpClient http, Booking booking)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appointments") { Content = JsonContent.Create(new { doctorId = booking.DoctorId, startUtc = booking.StartUtc }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", booking.Token);
        return http.SendAsync(request);
    }
}
