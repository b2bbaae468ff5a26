using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MessagePack;

namespace Clinic.Benchmarks;

/// <summary>
/// One Blazor Server circuit held open without a browser: it loads the prerendered page, connects
/// to the component hub over a WebSocket in Blazor's MessagePack protocol, starts the circuit with
/// the page's server components, acknowledges every render batch and answers every JavaScript call
/// with an empty success. What the server keeps and sends per circuit is what a browser's would cost
/// it; the client itself renders nothing, so a thousand fit beside the app on two cores.
/// </summary>
public sealed partial class CircuitClient : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private const int InvocationMessage = 1, CompletionMessage = 3, PingMessage = 6, CloseMessage = 7;

    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long lastBatchTicks;
    private Task? receiving;
    private Task? pinging;

    /// <summary>Render batches received so far.</summary>
    public int Batches => Volatile.Read(ref batches);
    private int batches;

    /// <summary>When the latest render batch arrived (Stopwatch ticks).</summary>
    public long LastBatchTicks => Interlocked.Read(ref lastBatchTicks);

    /// <summary>The first error the server reported to this circuit, if any.</summary>
    public string? Error { get; private set; }

    /// <summary>Called with the arrival time (Stopwatch ticks) of each render batch.</summary>
    public Action<CircuitClient, long>? OnBatch { get; set; }

    /// <param name="cookies">The signed-in person's cookies, sent on the WebSocket as the page's requests send them.</param>
    public static async Task<CircuitClient> OpenAsync(HttpClient http, Uri baseUri, string path, CancellationToken cancellationToken, CookieContainer? cookies = null)
    {
        var client = new CircuitClient();
        await client.StartAsync(http, baseUri, path, cancellationToken, cookies);
        return client;
    }

    private async Task StartAsync(HttpClient http, Uri baseUri, string path, CancellationToken cancellationToken, CookieContainer? cookies)
    {
        var page = await http.GetStringAsync(new Uri(baseUri, path), cancellationToken);
        var markers = Markers().Matches(page).Select(m => JsonNode.Parse(m.Groups[1].Value)!)
            .Where(m => (string?)m["type"] == "server").ToList();
        if (markers.Count == 0)
            throw new InvalidOperationException($"{path} has no interactive server components.");
        var state = State().Match(page) is { Success: true } found ? found.Groups[1].Value : string.Empty;

        using var negotiate = await http.PostAsync(new Uri(baseUri, "/_blazor/negotiate?negotiateVersion=1"), null, cancellationToken);
        negotiate.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await negotiate.Content.ReadAsStringAsync(cancellationToken))!["connectionToken"]!.GetValue<string>();
        var ws = new UriBuilder(new Uri(baseUri, $"/_blazor?id={Uri.EscapeDataString(token)}")) { Scheme = "ws" }.Uri;
        // Ask for compression as Chromium does: what the server agrees to is what a browser costs it.
        socket.Options.DangerousDeflateOptions = new System.Net.WebSockets.WebSocketDeflateOptions();
        socket.Options.Cookies = cookies;
        await socket.ConnectAsync(ws, cancellationToken);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, cancellationToken);
        var handshake = new byte[1024];
        var answer = await socket.ReceiveAsync(handshake, cancellationToken);
        if (answer.Count == 0 || handshake[answer.Count - 1] != RecordSeparator || handshake.AsSpan(0, answer.Count).IndexOf("error"u8) >= 0)
            throw new InvalidOperationException($"Handshake refused: {Encoding.UTF8.GetString(handshake, 0, answer.Count)}");

        receiving = Task.Run(ReceiveAsync);
        pinging = Task.Run(PingAsync);
        await InvokeAsync("StartCircuit", "1", new Uri(baseUri, "/").ToString(), new Uri(baseUri, path).ToString(), "[]", string.Empty);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);

        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray([.. markers.Select((marker, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = marker.DeepClone(),
            })]),
        };
        await InvokeAsync("UpdateRootComponents", null, operations.ToJsonString(), state);
    }

    /// <summary>Waits until no render batch has arrived for <paramref name="quiet"/>, at least one having come.</summary>
    public async Task SettledAsync(TimeSpan quiet, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Error is { } error)
                throw new InvalidOperationException($"The circuit failed: {error}");
            if (Batches > 0 && Stopwatch.GetElapsedTime(LastBatchTicks) >= quiet)
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"The circuit did not settle ({Batches} batches).");
    }

    private async Task ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                buffer.Clear();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.GetMemory(16 * 1024), stop.Token);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                var arrived = Stopwatch.GetTimestamp();
                await HandleFrameAsync(buffer.WrittenMemory, arrived);
            }
        }
        catch (Exception failure) when (failure is OperationCanceledException or WebSocketException)
        {
            Error ??= stop.IsCancellationRequested ? null : failure.Message;
        }
    }

    private async Task HandleFrameAsync(ReadOnlyMemory<byte> frame, long arrived)
    {
        while (frame.Length > 0)
        {
            var (length, prefix) = ReadLength(frame.Span);
            var message = frame.Slice(prefix, length);
            frame = frame[(prefix + length)..];
            await HandleMessageAsync(message, arrived);
        }
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> message, long arrived)
    {
        var received = Read(message);
        switch (received.Target)
        {
            case "JS.RenderBatch":
                Interlocked.Exchange(ref lastBatchTicks, arrived);
                Interlocked.Increment(ref batches);
                OnBatch?.Invoke(this, arrived);
                await InvokeAsync("OnRenderCompleted", null, received.Number, null);
                break;
            case "JS.BeginInvokeJS":
                await InvokeAsync("EndInvokeJSFromDotNet", null, received.Number, true, $"[{received.Number},true,null]");
                break;
            case "JS.Error" or "closed":
                Error ??= received.Text ?? "closed by the server";
                started.TrySetException(new InvalidOperationException(Error));
                break;
            case "completed":
                if (received.Text is { } failed)
                    started.TrySetException(new InvalidOperationException($"StartCircuit failed: {failed}"));
                else
                    started.TrySetResult();
                break;
        }
    }

    /// <summary>A hub message, as much of it as this client acts on.</summary>
    private readonly record struct Received(string? Target, long Number = 0, string? Text = null);

    private static Received Read(ReadOnlyMemory<byte> message)
    {
        var reader = new MessagePackReader(message);
        var count = reader.ReadArrayHeader();
        switch (reader.ReadInt32())
        {
            case InvocationMessage:
                reader.Skip(); // headers
                reader.Skip(); // invocation id
                var target = reader.ReadString();
                var arguments = reader.ReadArrayHeader();
                return target switch
                {
                    // (batch id, batch) and (call handle, identifier, arguments, ...): the first is all we need.
                    "JS.RenderBatch" or "JS.BeginInvokeJS" => new(target, reader.ReadInt64()),
                    "JS.Error" => new(target, Text: arguments > 0 ? reader.ReadString() : "error"),
                    _ => new(target),
                };
            case CompletionMessage:
                reader.Skip(); // headers
                var id = reader.ReadString();
                var kind = reader.ReadInt32();
                return id == "1" ? new("completed", Text: kind == 1 ? reader.ReadString() : null) : new(null);
            case CloseMessage:
                return new("closed", Text: count > 1 && !reader.TryReadNil() ? reader.ReadString() : null);
            default:
                return new(null);
        }
    }

    // The server drops a client it has not heard from for 30 seconds.
    private async Task PingAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), stop.Token);
                await SendAsync(static (ref MessagePackWriter writer) =>
                {
                    writer.WriteArrayHeader(1);
                    writer.Write(PingMessage);
                });
            }
        }
        catch (Exception failure) when (failure is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private Task InvokeAsync(string target, string? invocationId, params object?[] arguments) => SendAsync((ref MessagePackWriter writer) =>
    {
        writer.WriteArrayHeader(6);
        writer.Write(InvocationMessage);
        writer.WriteMapHeader(0);
        if (invocationId is null)
            writer.WriteNil();
        else
            writer.Write(invocationId);
        writer.Write(target);
        writer.WriteArrayHeader(arguments.Length);
        foreach (var argument in arguments)
        {
            switch (argument)
            {
                case null: writer.WriteNil(); break;
                case string text: writer.Write(text); break;
                case long number: writer.Write(number); break;
                case bool flag: writer.Write(flag); break;
                default: throw new ArgumentException($"Cannot send {argument.GetType()}.");
            }
        }
        writer.WriteArrayHeader(0); // stream ids
    });

    private delegate void Writes(ref MessagePackWriter writer);

    private async Task SendAsync(Writes write)
    {
        var body = new ArrayBufferWriter<byte>(256);
        Write(body, write);
        await SendFrameAsync(body);
    }

    private static void Write(ArrayBufferWriter<byte> body, Writes write)
    {
        var writer = new MessagePackWriter(body);
        write(ref writer);
        writer.Flush();
    }

    private async Task SendFrameAsync(ArrayBufferWriter<byte> body)
    {
        var frame = new byte[body.WrittenCount + 5];
        var prefix = WriteLength(body.WrittenCount, frame);
        body.WrittenSpan.CopyTo(frame.AsSpan(prefix));
        await sending.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.SendAsync(frame.AsMemory(0, prefix + body.WrittenCount), WebSocketMessageType.Binary, true, CancellationToken.None);
        }
        finally
        {
            sending.Release();
        }
    }

    // SignalR's binary framing: each message is preceded by its length, seven bits per byte.
    private static int WriteLength(int length, Span<byte> into)
    {
        var i = 0;
        do
        {
            var part = (byte)(length & 0x7f);
            length >>= 7;
            into[i++] = length > 0 ? (byte)(part | 0x80) : part;
        }
        while (length > 0);
        return i;
    }

    private static (int Length, int Prefix) ReadLength(ReadOnlySpan<byte> span)
    {
        int length = 0, i = 0, shift = 0;
        byte part;
        do
        {
            part = span[i++];
            length |= (part & 0x7f) << shift;
            shift += 7;
        }
        while ((part & 0x80) != 0);
        return (length, i);
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->")]
    private static partial Regex Markers();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->")]
    private static partial Regex State();

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (Exception failure) when (failure is WebSocketException or ObjectDisposedException)
        {
        }
        if (receiving is not null)
            await Task.WhenAny(receiving, Task.Delay(1000));
        if (pinging is not null)
            await Task.WhenAny(pinging, Task.Delay(100));
        socket.Dispose();
        stop.Dispose();
    }
}
