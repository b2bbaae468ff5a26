using Clinic.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clinic.Tests.Support;

/// <summary>
/// A page tested on the demo clinic with its changes live: what the data layer announces reaches
/// <see cref="Hub"/>, which the page's context (<c>MudTestContext.Create(Hub, Harness.Clock)</c>) listens to.
/// </summary>
public abstract class LivePageTests : DemoClinicTests
{
    protected LivePageTests() : this(new ClinicEventHub(NullLogger<ClinicEventHub>.Instance))
    {
    }

    private LivePageTests(ClinicEventHub hub) : base(new DataHarness { LiveHub = hub }) => Hub = hub;

    protected ClinicEventHub Hub { get; }
}
