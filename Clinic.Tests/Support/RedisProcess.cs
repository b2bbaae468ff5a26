using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Clinic.Tests.Support;

/// <summary>
/// A Redis server of the test's own, on a free loopback port, that the test can stop and start
/// again (same port, empty memory) to see what instances do while it is gone.
/// </summary>
public sealed class RedisProcess : IDisposable
{
    private Process? server;

    public RedisProcess()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Start();
    }

    public int Port { get; }

    /// <summary>The address for <c>Clinic:Live:Redis</c>.</summary>
    public string Address => $"127.0.0.1:{Port}";

    public void Start()
    {
        var info = new ProcessStartInfo(Binary, $"--port {Port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        server = Process.Start(info)!;
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        for (var waited = 0; waited < 10_000; waited += 50)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not answer on port {Port} within 10 s.");
    }

    public void Stop()
    {
        if (server is null)
            return;
        server.Kill();
        server.WaitForExit();
        server.Dispose();
        server = null;
    }

    public void Dispose() => Stop();

    private static string Binary =>
        new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("This test needs Debian's redis-server: run ./test.sh, which installs it (or apt-get install -y redis-server).");

    /// <summary>The Redis <c>./test.sh</c> started for the run. Tests that need it fail, never skip, without it.</summary>
    public static string SuiteRedis =>
        Environment.GetEnvironmentVariable("CLINIC_TEST_REDIS") is { Length: > 0 } redis ? redis
            : throw new InvalidOperationException("This test needs Redis: run ./test.sh, which starts one and sets CLINIC_TEST_REDIS (or set it to a Redis address, e.g. 127.0.0.1:6379).");
}
