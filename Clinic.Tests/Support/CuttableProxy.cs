using System.Net;
using System.Net.Sockets;

namespace Clinic.Tests.Support;

/// <summary>
/// A TCP relay on loopback between a browser and the app whose cable can be pulled: <see cref="Cut"/>
/// resets every open connection (the page's WebSocket really closes) and refuses new ones until
/// <see cref="Restore"/>. Traffic goes only between two loopback ports of this machine.
/// </summary>
public sealed class CuttableProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int targetPort;
    private readonly CancellationTokenSource stop = new();
    private readonly List<TcpClient> open = [];
    private volatile bool connected = true;

    public CuttableProxy(Uri target)
    {
        targetPort = target.Port;
        listener.Start();
        _ = AcceptAsync();
    }

    public string Address => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public void Cut()
    {
        connected = false;
        lock (open)
        {
            foreach (var client in open)
                Reset(client);
            open.Clear();
        }
    }

    public void Restore() => connected = true;

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient browser;
            try
            {
                browser = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            if (!connected)
            {
                Reset(browser);
                continue;
            }
            _ = RelayAsync(browser);
        }
    }

    private async Task RelayAsync(TcpClient browser)
    {
        var app = new TcpClient();
        try
        {
            await app.ConnectAsync(IPAddress.Loopback, targetPort, stop.Token);
            lock (open)
            {
                open.Add(browser);
                open.Add(app);
            }
            var up = browser.GetStream().CopyToAsync(app.GetStream(), stop.Token);
            var down = app.GetStream().CopyToAsync(browser.GetStream(), stop.Token);
            await Task.WhenAny(up, down);
        }
        catch (Exception)
        {
            // A cut or a closed side ends the relay.
        }
        finally
        {
            Reset(browser);
            Reset(app);
        }
    }

    private static void Reset(TcpClient client)
    {
        try
        {
            client.Client.LingerState = new LingerOption(true, 0); // RST, as a dropped network would
            client.Close();
        }
        catch (Exception)
        {
            // Already closed.
        }
    }

    public ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        Cut();
        stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
