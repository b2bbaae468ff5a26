using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Clinic.Tests.Support;

namespace Clinic.Tests.Integration;

/// <summary>The WebSocket every open page keeps to the server, as a browser opens it.</summary>
public sealed class LiveConnectionTests : IAsyncLifetime
{
    private readonly ClinicAppFactory app = new();
    private string baseUrl = "";

    public Task InitializeAsync()
    {
        baseUrl = app.StartRealServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_page_asking_for_a_compressed_connection_gets_a_plain_one_so_the_server_keeps_no_zlib_state_for_it()
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var negotiate = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        negotiate.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await negotiate.Content.ReadAsStringAsync())!["connectionToken"]!.GetValue<string>();
        using var socket = new ClientWebSocket();
        // What Chromium asks for: permessage-deflate.
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        socket.Options.CollectHttpResponseDetails = true;

        await socket.ConnectAsync(new Uri($"{baseUrl.Replace("http://", "ws://")}/_blazor?id={Uri.EscapeDataString(token)}"), CancellationToken.None);

        socket.State.Should().Be(WebSocketState.Open);
        socket.HttpResponseHeaders.Should().NotContainKey("Sec-WebSocket-Extensions", "the server declines compression");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }
}
