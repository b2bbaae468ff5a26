using Clinic.Tests.Support;
using Microsoft.Playwright;

namespace Clinic.Tests.Browser;

/// <summary>
/// The app on Kestrel at 127.0.0.1 and Debian's Chromium driven by Playwright. A missing browser
/// fails the tests with the command that installs it: browser tests never skip silently.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    public BrowserFixture()
        : this(new ClinicAppFactory())
    {
    }

    protected BrowserFixture(ClinicAppFactory app) => App = app;

    public ClinicAppFactory App { get; }
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    private IPlaywright? playwright;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CLINIC_CHROMIUM") ?? DefaultChromium;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium was not found at {ChromiumPath}. Install it with: apt-get install -y chromium (./test.sh does this when run as root).");
        BaseUrl = App.StartRealServer();
        playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(playwright);
    }

    /// <summary>Debian's Chromium, headless, with the flags this closed network needs.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });

    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900) =>
        await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
