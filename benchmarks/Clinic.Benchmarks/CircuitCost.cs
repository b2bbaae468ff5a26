using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Clinic.Benchmarks;

/// <summary>
/// What one open page costs the server, and how fast one booking reaches every open page.
/// Starts the real app (built in Release) as its own process on a fresh database, opens N Chromium
/// pages on the busiest patient page (the 15-seat hospital doctor's day), reads the server's
/// working set, then books one seat from another browser and times its arrival on each page.
/// Run: dotnet build -c Release Clinic.Web and then
///      dotnet run -c Release --project benchmarks/Clinic.Benchmarks -- circuits [10 50 200]
/// </summary>
public static class CircuitCost
{
    private const string Password = "Gomoti-Demo-2026";

    public static async Task RunAsync(IReadOnlyList<int> counts)
    {
        var data = Directory.CreateTempSubdirectory("clinic-circuits-").FullName;
        var port = AppProcess.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var server = AppProcess.Start(port, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Clinic__Storage__SqlitePath"] = Path.Combine(data, "clinic.db"),
            ["Clinic__Email__PickupDirectory"] = Path.Combine(data, "mail"),
        });
        try
        {
            await AppProcess.WaitUntilUpAsync(baseUrl);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = Environment.GetEnvironmentVariable("CLINIC_CHROMIUM") ?? "/usr/bin/chromium",
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
            });
            var doctorId = await FarhanaIdAsync(browser, baseUrl);
            Console.WriteLine($"| Circuits | Server working set | Per circuit | Growth per page since the round before | Booking reaches all pages: median | p95 | max | CPU: server | CPU: Chromium |");
            Console.WriteLine($"|---|---|---|---|---|---|---|---|---|");
            var patient = 0;
            (int Count, long WorkingSet)? before = null;
            foreach (var count in counts)
                before = (count, await MeasureAsync(browser, baseUrl, doctorId, count, server, $"ayesha rahim mitu jamal shirin".Split(' ')[patient++ % 5], before));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <param name="before">The round before: its pages and the working set with them open (the issue's
    /// measure is the growth per page between two such rounds, 50 and 200 pages).</param>
    /// <returns>The working set with this round's pages open.</returns>
    private static async Task<long> MeasureAsync(IBrowser browser, string baseUrl, string doctorId, int count, Process server, string patientName,
        (int Count, long WorkingSet)? before)
    {
        var baseline = WorkingSet(server);
        await using var watchers = await browser.NewContextAsync(new() { BaseURL = baseUrl });
        var pages = new List<IPage>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(10))
        {
            var opened = await Task.WhenAll(batch.Select(async _ =>
            {
                var page = await watchers.NewPageAsync();
                await page.GotoAsync($"/doctors/{doctorId}");
                await page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 120_000 });
                return page;
            }));
            pages.AddRange(opened);
        }
        await Task.Delay(2000);
        var withPages = WorkingSet(server);

        // A day with open seats at least two days ahead (far from the booking notice, however long
        // opening the pages took); every page shows it; one seat of its first slot gets booked.
        var day = await pages[0].Locator("[data-testid=day-cell]:has([data-testid=day-seats])").Nth(2).GetAttributeAsync("data-date");
        foreach (var batch in pages.Chunk(20))
            await Task.WhenAll(batch.Select(p => p.Locator($"[data-testid=day-cell][data-date='{day}']").ClickAsync()));
        var target = await pages[0].Locator("[data-testid=slot]:has([data-state=Available])").First.GetAttributeAsync("data-start");
        foreach (var page in pages)
            await page.Locator($"[data-testid=slot][data-start='{target}']").WaitForAsync();
        var script = """
            ([start]) => new Promise(resolve => {
                const reason = () => document.querySelector(`[data-start='${start}'] [data-testid=slot-state]`)?.textContent;
                const before = reason();
                new MutationObserver((_, observer) => { if (reason() !== before) { observer.disconnect(); resolve(Date.now()); } })
                    .observe(document.body, { subtree: true, childList: true, characterData: true });
            })
            """;
        var arrivals = pages.Select(p => p.EvaluateAsync<double>(script, new object[] { target! })).ToList();

        await using var bookerContext = await browser.NewContextAsync(new() { BaseURL = baseUrl });
        var booker = await bookerContext.NewPageAsync();
        await SignInAsync(booker, $"{patientName}@patients.example");
        await booker.GotoAsync($"/doctors/{doctorId}");
        await booker.Locator("[data-interactive=true]").WaitForAsync();
        await booker.Locator($"[data-testid=day-cell][data-date='{day}']").ClickAsync();
        await booker.Locator($"[data-testid=slot][data-start='{target}']").GetByTestId("slot-book").ClickAsync();
        var clicked = await booker.EvaluateAsync<double>("() => Date.now()");
        var (serverCpu, browserCpu) = (CpuTime(server), BrowserCpuTime());
        await booker.GetByTestId("book-confirm").ClickAsync();

        var latencies = (await Task.WhenAll(arrivals)).Select(t => t - clicked).Order().ToList();
        // Where the time went: the app's own CPU against the CPU of every Chromium process on the same 2 cores.
        (serverCpu, browserCpu) = (CpuTime(server) - serverCpu, BrowserCpuTime() - browserCpu);
        var perCircuit = (withPages - baseline) / count;
        var growth = before is { } round && count > round.Count ? $"{(withPages - round.WorkingSet) / 1024.0 / (count - round.Count):0} KB" : "";
        Console.WriteLine($"| {count} | {withPages / 1048576.0:0} MB | {perCircuit / 1024.0:0} KB | {growth} | {Percentile(latencies, 0.5):0} ms | {Percentile(latencies, 0.95):0} ms | {latencies[^1]:0} ms | {serverCpu.TotalMilliseconds:0} ms | {browserCpu.TotalMilliseconds:0} ms |");
        foreach (var page in pages)
            await page.CloseAsync();
        await Task.Delay(1000);
        return withPages;
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private static TimeSpan CpuTime(Process server)
    {
        server.Refresh();
        return server.TotalProcessorTime;
    }

    private static TimeSpan BrowserCpuTime()
    {
        var total = TimeSpan.Zero;
        foreach (var process in Process.GetProcessesByName("chromium"))
        {
            try
            {
                total += process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                // The process ended while we were counting.
            }
            process.Dispose();
        }
        return total;
    }

    private static long WorkingSet(Process server)
    {
        server.Refresh();
        return server.WorkingSet64;
    }

    private static async Task<string> FarhanaIdAsync(IBrowser browser, string baseUrl)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/doctors");
        var card = page.Locator("[data-testid=doctor-card]", new() { HasText = "Dr. Farhana Rahman" });
        return (await card.GetAttributeAsync("data-doctor-id"))!;
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
    }
}
