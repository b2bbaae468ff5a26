using Clinic.Data.Persistence;
using Clinic.Data.Seeding;
using Clinic.Tests.Support;
using Clinic.Web.Components.Layout;
using Clinic.Web.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Tests.Web;

/// <summary>A misspelt configuration key is a silent bug: each section must reach its options class.</summary>
public sealed class OptionsBindingTests : IAsyncLifetime
{
    private sealed class Factory : ClinicAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Clinic:Storage:BusyTimeoutSeconds"] = "17",
            ["Clinic:Email:FromAddress"] = "desk@clinic.example",
            ["Clinic:Setup:TimeZone"] = "Europe/Paris",
            ["Clinic:Environment:Banner"] = "Staging copy",
            ["Clinic:Live:Channel"] = "clinic:staging",
        };
    }

    private readonly Factory app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    private T Options<T>() where T : class => app.Services.GetRequiredService<IOptions<T>>().Value;

    [Fact]
    public void Every_section_binds_to_its_options()
    {
        Options<StorageOptions>().BusyTimeoutSeconds.Should().Be(17);
        Options<StorageOptions>().SqlitePath.Should().Be(app.DatabasePath);
        Options<EmailOptions>().FromAddress.Should().Be("desk@clinic.example");
        Options<EmailOptions>().PickupDirectory.Should().Be(app.PickupDirectory);
        Options<ClinicSetupOptions>().TimeZone.Should().Be("Europe/Paris");
        Options<ShellOptions>().Banner.Should().Be("Staging copy");
        Options<Clinic.Web.Live.LiveOptions>().Channel.Should().Be("clinic:staging");
        Options<DemoDataOptions>().Enabled.Should().BeTrue();
    }
}
