using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;

namespace Clinic.Web.Components.Layout;

/// <summary>
/// MudBlazor's key interceptor with its key updates sent without waiting for the browser's answer.
/// A select closing its list waits for that answer before it takes the chosen value (MudBlazor 9.12,
/// <c>MudSelect.SelectOption</c>), so a click that reaches the server within that round trip (a quick
/// tap on a slow phone connection) acted on the previous choice: a patient chose "until 14 Dec" and
/// joined the waitlist until 13 Dec. Nothing waits on what a key update does in the browser, and the
/// circuit sends its calls in order, so the update still lands before anything sent after it.
/// </summary>
internal sealed class KeyUpdatesInBackground(IKeyInterceptorService inner, ILogger<KeyUpdatesInBackground> logger) : IKeyInterceptorService
{
    /// <summary>Wraps the interceptor <c>AddMudServices</c> registered; call after it.</summary>
    public static void Register(IServiceCollection services)
    {
        var registered = services.Last(s => s.ServiceType == typeof(IKeyInterceptorService));
        var innerType = registered.ImplementationType
            ?? throw new InvalidOperationException("MudBlazor's key interceptor is expected to be registered by its type.");
        services.Replace(ServiceDescriptor.Describe(typeof(IKeyInterceptorService),
            provider => new KeyUpdatesInBackground((IKeyInterceptorService)ActivatorUtilities.CreateInstance(provider, innerType),
                provider.GetRequiredService<ILogger<KeyUpdatesInBackground>>()),
            registered.Lifetime));
    }

    public Task UpdateKeyAsync(IKeyInterceptorObserver observer, KeyOptions option) => UpdateKeyAsync(observer.ElementId, option);

    public Task UpdateKeyAsync(string elementId, KeyOptions option)
    {
        var sent = inner.UpdateKeyAsync(elementId, option);
        if (!sent.IsCompleted)
            _ = ObserveAsync(sent, elementId);
        else if (sent.Exception is { } failed)
            logger.LogDebug(failed, "A key update for {ElementId} failed.", elementId);
        return Task.CompletedTask;
    }

    private async Task ObserveAsync(Task sent, string elementId)
    {
        try
        {
            await sent;
        }
        catch (Exception failed)
        {
            // A page that closed meanwhile has no keys to update: nothing for a person to see.
            logger.LogDebug(failed, "A key update for {ElementId} failed.", elementId);
        }
    }

    public Task SubscribeAsync(IKeyInterceptorObserver observer, KeyInterceptorOptions options) => inner.SubscribeAsync(observer, options);

    public Task SubscribeAsync(string elementId, KeyInterceptorOptions options, Action<KeyMapBuilder> configure) => inner.SubscribeAsync(elementId, options, configure);

    public Task SubscribeAsync(string elementId, KeyInterceptorOptions options, IKeyDownObserver? keyDown = null, IKeyUpObserver? keyUp = null) =>
        inner.SubscribeAsync(elementId, options, keyDown, keyUp);

    public Task SubscribeAsync(string elementId, KeyInterceptorOptions options, Action<KeyboardEventArgs>? keyDown = null, Action<KeyboardEventArgs>? keyUp = null) =>
        inner.SubscribeAsync(elementId, options, keyDown, keyUp);

    public Task SubscribeAsync(string elementId, KeyInterceptorOptions options, Func<KeyboardEventArgs, Task>? keyDown = null, Func<KeyboardEventArgs, Task>? keyUp = null) =>
        inner.SubscribeAsync(elementId, options, keyDown, keyUp);

    public Task DispatchAsync(string elementId, KeyEventKind kind, KeyboardEventArgs args) => inner.DispatchAsync(elementId, kind, args);

    public Task UnsubscribeAsync(IKeyInterceptorObserver observer) => inner.UnsubscribeAsync(observer);

    public Task UnsubscribeAsync(string elementId) => inner.UnsubscribeAsync(elementId);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
