using Clinic.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clinic.Tests.Support;

/// <summary>
/// A page tested on the demo clinic with its changes live: what the data layer announces reaches
/// <see cref="Hub"/>, which the page's context (<c>MudTestContext.Create(Hub, Data.Clock)</c>) listens to.
/// </summary>
public abstract class LivePageTests : IAsyncLifetime
{
    protected LivePageTests() => Data = new DataHarness { LiveHub = Hub };

    protected ClinicEventHub Hub { get; } = new(NullLogger<ClinicEventHub>.Instance);

    protected DataHarness Data { get; }

    protected ClinicPeople People { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await Data.InitializeAsync();
        People = await ClinicPeople.LoadAsync(Data);
    }

    public Task DisposeAsync() => Data.DisposeAsync();
}
