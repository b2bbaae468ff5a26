using Clinic.Data.Overview;
using Clinic.Domain.Events;
using Clinic.Web.Live;

namespace Clinic.Web.Localization;

/// <summary>
/// The language the clinic opens in for whoever has not chosen one, and writes in to an account that
/// has none (the owner's <see cref="Clinic.Domain.Clinics.ClinicProfile.Language"/>). Every request
/// asks, so it is kept in memory and read again once the profile changes, here or on another instance.
/// </summary>
public sealed class ClinicLanguage(ClinicProfileEditor profiles, ClinicEventHub hub, ILogger<ClinicLanguage> logger) : IHostedService
{
    private Read? kept;
    private int changes;
    private IDisposable? subscription;

    public Task<Language> GetAsync()
    {
        var read = Volatile.Read(ref kept);
        var now = Volatile.Read(ref changes);
        if (read is not null && read.Changes == now)
            return read.Language;
        // A read begun before a change is not kept past it, even when it ends after.
        read = new Read(now, LoadAsync());
        Volatile.Write(ref kept, read);
        return read.Language;
    }

    /// <summary>A language an account keeps, else the clinic's.</summary>
    public async Task<Language> ForAsync(string? accountLanguage) => Languages.Find(accountLanguage) ?? await GetAsync();

    private async Task<Language> LoadAsync()
    {
        try
        {
            return Languages.Find(await profiles.LanguageAsync()) ?? Languages.English;
        }
        catch (Exception ex)
        {
            // A page is still drawn when the database cannot say: in English, asked again next time.
            Forget();
            logger.LogWarning(ex, "The clinic's language could not be read; English meanwhile.");
            return Languages.English;
        }
    }

    private void Forget() => Interlocked.Increment(ref changes);

    private sealed record Read(int Changes, Task<Language> Language);

    // Subscribed before the first request, for as long as the app runs.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = hub.Subscribe(e => e is ClinicProfileChanged, _ => { Forget(); return Task.CompletedTask; },
            () => { Forget(); return Task.CompletedTask; });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }
}
