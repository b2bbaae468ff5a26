using Clinic.Data.Scheduling;
using Clinic.Domain.Events;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Clinic.Web.Live;

/// <summary>
/// Carries live events between app instances over one Redis pub/sub channel. A use case's event is
/// delivered to this instance's pages at once and sent to the channel; an event from another
/// instance is fanned out here (this instance's own come back from Redis too and are dropped, so
/// no page hears one twice). If Redis goes away, each instance keeps serving its own pages; when it
/// is back, every live page re-queries once, since events may have been lost in between.
/// </summary>
public sealed class RedisEventRelay(ClinicEventHub hub, SharedReads sharedReads, IOptions<LiveOptions> options, ILogger<RedisEventRelay> logger)
    : IClinicEvents, IHostedService, IAsyncDisposable
{
    private readonly RedisChannel channel = RedisChannel.Literal(options.Value.Channel);
    private ConnectionMultiplexer? redis;
    private volatile bool relaying;
    private volatile bool subscribed;
    private readonly SemaphoreSlim subscribing = new(1, 1);
    private readonly RecentlyHeard heard = new();
    private long sent;
    private int gap;

    /// <summary>Tells this instance's events from the others' on the shared channel.</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    /// <summary>False while Redis is unreachable: pages here miss other instances' changes until it returns.</summary>
    public bool IsRelaying => relaying;

    /// <summary>Whether this instance is one of several (Clinic:Live:Redis is set).</summary>
    public bool IsConfigured => options.Value.Relays;

    /// <summary>Runs after each event from another instance is handed to this instance's pages (the benchmark times it).</summary>
    public event Action<ClinicEvent>? Relayed;

    public void Publish(ClinicEvent clinicEvent)
    {
        hub.Publish(clinicEvent);
        if (redis is null)
            return;
        try
        {
            redis.GetSubscriber().Publish(channel, ClinicEventCodec.Encode(Origin, Interlocked.Increment(ref sent), clinicEvent), CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            // The other instances miss this event; they re-query when the relay is back.
            MarkGap();
            logger.LogDebug(ex, "Could not relay {Event} while Redis is unreachable.", clinicEvent);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Relays)
            return;
        var configuration = ConfigurationOptions.Parse(options.Value.Redis!);
        // Start and keep serving without Redis; reconnect quickly when it is back; never queue
        // events for later (a page that missed some re-queries instead).
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ReconnectRetryPolicy = new LinearRetry(250);
        configuration.ClientName ??= "clinic-live";
        // Until subscribed, other instances' changes go unheard.
        sharedReads.HearsEveryChange(false);
        redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        redis.ConnectionFailed += (_, e) => Lost(e);
        redis.ConnectionRestored += (_, _) => _ = ResumeAsync();
        await ResumeAsync();
        if (!relaying)
            logger.LogWarning("Redis at {Redis} is unreachable: this instance serves its own pages and joins the relay when Redis answers.", options.Value.Redis);
    }

    private void Lost(ConnectionFailedEventArgs failure)
    {
        if (relaying)
            logger.LogWarning("Lost the live relay to Redis ({Failure}): pages here miss other instances' changes until it is back.", failure.FailureType);
        relaying = false;
        sharedReads.HearsEveryChange(false);
        MarkGap();
    }

    private void MarkGap() => Interlocked.Exchange(ref gap, 1);

    private async Task ResumeAsync()
    {
        if (redis is null)
            return;
        var subscriber = redis.GetSubscriber();
        try
        {
            // Once subscribed, the client subscribes again by itself after every reconnect. Start-up
            // and "restored" (raised once per connection) may both get here: one subscription only,
            // or every event would arrive twice.
            await subscribing.WaitAsync();
            try
            {
                if (!subscribed)
                {
                    await subscriber.SubscribeAsync(channel, (_, message) => Receive(message));
                    subscribed = true;
                }
            }
            finally
            {
                subscribing.Release();
            }
        }
        catch (RedisException)
        {
            MarkGap();
            return;
        }
        if (!subscriber.IsConnected(channel))
            return;
        relaying = true;
        sharedReads.HearsEveryChange(true);
        if (Interlocked.Exchange(ref gap, 0) == 1)
        {
            logger.LogInformation("The live relay to Redis is back: every open page re-queries once.");
            sharedReads.Changed();
            hub.Resync();
        }
    }

    private void Receive(RedisValue message)
    {
        (string Origin, long Number, ClinicEvent Event)? decoded;
        try
        {
            decoded = ClinicEventCodec.Decode(message.ToString());
        }
        catch (System.Text.Json.JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a message on the live channel that is not a clinic event.");
            return;
        }
        // A reconnect can hand a message over twice; each event is announced once.
        if (decoded is not { } relayed || relayed.Origin == Origin || !heard.First(relayed.Origin, relayed.Number))
            return;
        // What another instance committed makes this instance's shared reads stale too.
        if (relayed.Event is AvailabilityChanged or AppointmentChanged)
            sharedReads.Changed();
        hub.Publish(relayed.Event);
        Relayed?.Invoke(relayed.Event);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (redis is not null)
            await redis.DisposeAsync();
    }
}
