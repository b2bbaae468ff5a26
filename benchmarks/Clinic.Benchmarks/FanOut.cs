using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Clinic.Benchmarks;

/// <summary>
/// Circuits at scale without browsers: opens N protocol-level circuits (<see cref="CircuitClient"/>)
/// on the busiest patient page (the 15-seat hospital doctor's week), reads the server's working set
/// at each step, then books one seat through the API and times, for every circuit, the arrival of
/// the render batch that carries the change. Arrival includes the loopback hop and this client's
/// receive on the same two cores, so it is an upper bound on when the update left the server.
/// Run: dotnet build -c Release Clinic.Web and then
///      dotnet run -c Release --project benchmarks/Clinic.Benchmarks -- fanout [50 200 1000]
/// The last columns are the server's managed heap after a full collection it is asked for
/// (<see cref="LiveHeap"/>), read after the booking: the heap's size (with the free space a sweeping
/// collection leaves) and its live objects alone, what the open pages hold, each per circuit.
/// CLINIC_BENCH_HOLD=N keeps the circuits open N seconds before and after each booking (to attach
/// dotnet-gcdump or dotnet-trace); CLINIC_BENCH_VERBOSE=1 also prints how long the booking request took.
/// </summary>
public static class FanOut
{
    private const string Password = "Gomoti-Demo-2026";

    public static async Task RunAsync(IReadOnlyList<int> counts)
    {
        var data = Directory.CreateTempSubdirectory("clinic-fanout-").FullName;
        var port = AppProcess.FreePort();
        var baseUri = new Uri($"http://127.0.0.1:{port}");
        using var server = AppProcess.Start(port, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Clinic__Storage__SqlitePath"] = Path.Combine(data, "clinic.db"),
            ["Clinic__Email__PickupDirectory"] = Path.Combine(data, "mail"),
            ["Clinic__Api__RateLimit__TokenLimit"] = "100000000",
            ["Clinic__Api__RateLimit__TokensPerPeriod"] = "100000000",
            // The server's own record of each render batch it sends (timestamped on the sending thread,
            // in UTC): when each circuit's update left the server, without this client's share of the cores.
            ["Logging__LogLevel__Microsoft.AspNetCore.Components.Server.Circuits.RemoteRenderer"] = "Debug",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.ffffffZ ",
        }, ServerSends.Hear);
        var circuits = new List<CircuitClient>();
        try
        {
            await AppProcess.WaitUntilUpAsync(baseUri.ToString().TrimEnd('/'));
            // CLINIC_BENCH_AS=ayesha@patients.example: every circuit is that patient's page (app bar menus, bell,
            // chat and the booking dialog's providers beside the week), not a visitor's.
            var cookies = new CookieContainer();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32, CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUri };
            if (Environment.GetEnvironmentVariable("CLINIC_BENCH_AS") is { } signedIn)
            {
                await CookieSignIn.SignInAsync(http, signedIn, Password);
                Console.WriteLine($"Every circuit is signed in as {signedIn}");
            }
            var doctor = await FarhanaAsync(http);
            var page = $"/doctors/{doctor}";
            var booked = 0;
            await using (var warm = await CircuitClient.OpenAsync(http, baseUri, page, CancellationToken.None, cookies))
            {
                // One booking first, so the rows below time a warm booking path, not its first run.
                await warm.SettledAsync(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(60));
                await BookOneAndTimeAsync(http, doctor, [warm], booked++);
            }
            await Task.Delay(2000);
            var baseline = WorkingSet(server);
            var baselineHeap = await LiveHeap.AfterFullCollectionAsync(server.Id, TimeSpan.FromSeconds(30));
            Console.WriteLine($"Server working set with no circuits: {baseline / 1048576.0:0} MB; heap after a full collection {baselineHeap?.HeapBytes / 1048576.0:0} MB, live objects {baselineHeap?.ObjectBytes / 1048576.0:0} MB");
            Console.WriteLine("| Circuits | Server working set | Per circuit (since the previous row) | Update reaches all circuits: median | p95 | max | Updated | Heap after a full collection | Per circuit | Live objects | Per circuit |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");

            var (previousCount, previousSet, previousHeap) = (0, baseline, baselineHeap);
            foreach (var count in counts)
            {
                while (circuits.Count < count)
                {
                    var batch = Math.Min(25, count - circuits.Count);
                    var opened = await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => CircuitClient.OpenAsync(http, baseUri, page, CancellationToken.None, cookies)));
                    await Task.WhenAll(opened.Select(c => c.SettledAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(120))));
                    circuits.AddRange(opened);
                }
                await Task.Delay(3000);
                if (Environment.GetEnvironmentVariable("CLINIC_BENCH_HOLD") is { } hold)
                {
                    // For looking closer by hand (dotnet-gcdump, dotnet-counters) with the circuits open.
                    Console.WriteLine($"Holding {count} circuits on process {server.Id} for {hold} s");
                    await Task.Delay(TimeSpan.FromSeconds(int.Parse(hold)));
                }
                var workingSet = WorkingSet(server);
                var perCircuit = (workingSet - previousSet) / (double)(count - previousCount);

                var latencies = await BookOneAndTimeAsync(http, doctor, circuits, booked++);
                var updated = latencies.Count;
                var nextSet = WorkingSet(server);
                // After the booking is timed, so the collection it forces does not flatter the fan-out.
                var heap = await LiveHeap.AfterFullCollectionAsync(server.Id, TimeSpan.FromSeconds(30));
                string PerCircuit(long? now, long? before) => now - before is { } grown ? $"{grown / 1024.0 / (count - previousCount):0} KB" : "?";
                Console.WriteLine($"| {count} | {workingSet / 1048576.0:0} MB | {perCircuit / 1024:0} KB | {Percentile(latencies, 0.5):0} ms | {Percentile(latencies, 0.95):0} ms | {(updated > 0 ? latencies[^1] : double.NaN):0} ms | {updated}/{count} | " +
                    $"{heap?.HeapBytes / 1048576.0:0} MB | {PerCircuit(heap?.HeapBytes, previousHeap?.HeapBytes)} | {heap?.ObjectBytes / 1048576.0:0} MB | {PerCircuit(heap?.ObjectBytes, previousHeap?.ObjectBytes)} |");
                (previousCount, previousSet, previousHeap) = (count, nextSet, heap);
                if (Environment.GetEnvironmentVariable("CLINIC_BENCH_HOLD") is { } linger)
                    await Task.Delay(TimeSpan.FromSeconds(int.Parse(linger))); // a profiler attached meanwhile finishes its session
            }
        }
        finally
        {
            foreach (var circuit in circuits)
                await circuit.DisposeAsync();
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Books the next free seat of the doctor's week through the API and waits for every circuit's next render batch.</summary>
    private static async Task<List<double>> BookOneAndTimeAsync(HttpClient http, string doctor, IReadOnlyList<CircuitClient> circuits, int attempt)
    {
        var patients = new[] { "ayesha", "rahim", "mitu", "jamal", "shirin" };
        using var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = $"{patients[attempt % patients.Length]}@patients.example", password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var week = await http.GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{doctor}/availability?days=7");
        // The demo patients have visits of their own: a free seat the patient cannot take (409) moves on to the next.
        var candidates = week.GetProperty("slots").EnumerateArray().Skip(attempt).Where(s => s.GetProperty("state").GetString() == "Available").Take(20).ToList();

        var arrivals = new long[circuits.Count];
        var waiting = circuits.Count;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < circuits.Count; i++)
        {
            var index = i;
            circuits[i].OnBatch = (circuit, ticks) =>
            {
                if (Interlocked.CompareExchange(ref arrivals[index], ticks, 0) == 0 && Interlocked.Decrement(ref waiting) == 0)
                    all.TrySetResult();
            };
        }
        var (sentUtc, sent) = (DateTime.UtcNow, 0L);
        for (var i = 0; i < candidates.Count; i++)
        {
            var slot = candidates[i];
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appointments")
            {
                Content = JsonContent.Create(new { doctorId = doctor, startUtc = slot.GetProperty("startUtc").GetDateTime() }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            ServerSends.Clear();
            (sentUtc, sent) = (DateTime.UtcNow, Stopwatch.GetTimestamp());
            using var response = await http.SendAsync(request);
            if (response.StatusCode == System.Net.HttpStatusCode.Conflict && i < candidates.Count - 1)
                continue;
            response.EnsureSuccessStatusCode();
            break;
        }
        if (Environment.GetEnvironmentVariable("CLINIC_BENCH_VERBOSE") is not null)
            Console.WriteLine($"POST /appointments answered in {Stopwatch.GetElapsedTime(sent).TotalMilliseconds:0} ms");
        await Task.WhenAny(all.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        foreach (var circuit in circuits)
            circuit.OnBatch = null;
        await Task.Delay(500); // the console log's last lines
        var leftServer = ServerSends.FirstPerConnectionAfter(sentUtc);
        if (leftServer.Count > 0)
            Console.WriteLine($"  server side: {leftServer.Count} circuits sent their update; median {Percentile(leftServer, 0.5):0} ms, p95 {Percentile(leftServer, 0.95):0} ms, last {leftServer[^1]:0} ms after the booking was sent");
        return [.. arrivals.Where(t => t != 0).Select(t => Stopwatch.GetElapsedTime(sent, t).TotalMilliseconds).Order()];
    }

    private static async Task<string> FarhanaAsync(HttpClient http)
    {
        var doctors = await http.GetFromJsonAsync<JsonElement>("/api/v1/doctors");
        return doctors.EnumerateArray().First(d => d.GetProperty("fullName").GetString() == "Dr. Farhana Rahman").GetProperty("id").GetString()!;
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private static long WorkingSet(Process server)
    {
        server.Refresh();
        return server.WorkingSet64;
    }
}
