using System.Net;
using Clinic.Data.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Tests.Support;

/// <summary>
/// The real app in Development (so the demo clinic is seeded) on its own temporary SQLite
/// file and mail pickup folder. <see cref="StartRealServer"/> serves it on 127.0.0.1 for browsers.
/// </summary>
public class ClinicAppFactory : WebApplicationFactory<Program>
{
    public string Root { get; } = Directory.CreateTempSubdirectory("clinic-tests-").FullName;
    public string DatabasePath => Path.Combine(Root, "clinic.db");

    // Each app watches its settings files for changes, and on Linux each watcher takes one of the
    // user's 128 inotify instances: some thirty apps alive at once in a parallel run (more beside a
    // running dev server) exhausted them and failed starts at random. The tests never edit a
    // settings file, so the apps poll instead, which takes none.
    static ClinicAppFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    public ClinicAppFactory()
    {
    }

    /// <summary>Another instance of the app on <paramref name="shared"/>, as behind a load balancer; the database outlives this instance.</summary>
    protected ClinicAppFactory(TestDatabase shared)
    {
        database = shared;
        ownsDatabase = false;
    }

    private readonly bool ownsDatabase = true;

    /// <summary>The app's database: the SQLite file above, or a PostgreSQL database when the suite runs on it.</summary>
    public TestDatabase Database => database ??= TestDatabase.Create(Root, Provider);

    /// <summary>The engine this app runs on; a test that needs one engine says so.</summary>
    protected virtual string Provider => TestDatabase.SuiteProvider;

    private TestDatabase? database;
    public string PickupDirectory => Path.Combine(Root, "mail");

    public string DemoPassword => Services.GetRequiredService<IOptions<DemoDataOptions>>().Value.Password!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The app's clock: the system's, which a test may move forward instead of waiting.</summary>
    public ShiftableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config =>
        {
            var settings = new Dictionary<string, string?>(Database.Settings)
            {
                ["Clinic:Email:PickupDirectory"] = PickupDirectory,
                // Tests start from the demo clinic's people and schedules only; a test of the living demo asks for it.
                ["Clinic:DemoData:Activity"] = "false",
                // Tests sign in and register far more often than people do, all from one address;
                // the throttle tests put the real limits back.
                ["Clinic:Security:Throttle:SignInPerClient:Permits"] = "100000",
                ["Clinic:Security:Throttle:SignInPerAccount:Permits"] = "100000",
                ["Clinic:Security:Throttle:RegistrationPerClient:Permits"] = "100000",
                ["Clinic:Security:Throttle:ResetMailsPerClient:Permits"] = "100000",
            };
            foreach (var (key, value) in Settings)
                settings[key] = value;
            config.AddInMemoryCollection(settings);
        });
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock).UseTestPasswordCost());
    }

    /// <summary>Serves the app through Kestrel on a free loopback port and returns its address.</summary>
    public string StartRealServer()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().Replace("[::1]", "127.0.0.1");
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null && ownsDatabase)
            await database.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left for the temp cleaner.
        }
        GC.SuppressFinalize(this);
    }
}
