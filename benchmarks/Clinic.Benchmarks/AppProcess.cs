using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Clinic.Benchmarks;

/// <summary>The real app, built in Release, as its own process on a loopback port: what the load and circuit benchmarks measure.</summary>
public static class AppProcess
{
    /// <param name="output">Called with each line the app writes to standard output (its console log), or null.</param>
    public static Process Start(int port, IReadOnlyDictionary<string, string> environment, Action<string>? output = null)
    {
        var root = FindRoot();
        var dll = Path.Combine(root, "Clinic.Web", "bin", "Release", "net10.0", "Clinic.Web.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"Build the app first: dotnet build -c Release Clinic.Web ({dll} is missing).");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.Combine(root, "Clinic.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) output?.Invoke(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) Console.Error.WriteLine(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task WaitUntilUpAsync(string baseUrl)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync($"{baseUrl}/healthz")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The app did not start within a minute.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Clinic.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Run from inside the repository.");
    }
}
