using Clinic.Tests.Support;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace Clinic.Tests.Security;

/// <summary>
/// The app started the ways the README says, as separate processes: the documented production
/// command must really run in Production, and the build output must serve its scripts and styles.
/// </summary>
public sealed class ProductionStartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_documented_production_command_runs_in_Production_without_the_demo_clinic()
    {
        await using var app = await AppProcess.RunAsync(output, "Production", "run", "--project", "Clinic.Web", "--no-build", "-c", Repository.Configuration);

        app.Output.Should().Contain("Hosting environment: Production");
        app.Output.Should().NotContain("Demo logins");
        using var http = app.BehindTlsProxy();
        var login = await http.GetAsync("/Account/Login");
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        login.Headers.Contains("Server").Should().BeFalse("the server does not announce what it runs on");
        await ShouldServeScriptsAndStylesAsync(http, await login.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Started_from_the_build_output_in_Production_the_pages_get_their_scripts_and_styles()
    {
        var dll = Repository.WebDll;
        await using var app = await AppProcess.RunInAsync(output, Path.GetDirectoryName(dll)!, "Production", dll);

        using var http = app.BehindTlsProxy();
        var login = await http.GetAsync("/Account/Login");
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        await ShouldServeScriptsAndStylesAsync(http, await login.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Behind_a_proxy_that_ends_TLS_the_forwarded_scheme_is_honoured_and_cookies_are_Secure()
    {
        await using var app = await AppProcess.RunAsync(output, "Production", "run", "--project", "Clinic.Web", "--no-build", "-c", Repository.Configuration);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = "booking.gomoti.example";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await http.SendAsync(request);
        var plain = await http.GetAsync("/Account/Login");

        response.StatusCode.Should().Be(HttpStatusCode.OK, "no redirect loop: the proxy already speaks HTTPS");
        response.Headers.GetValues("Strict-Transport-Security").Single().Should().Contain("max-age=31536000");
        var antiforgery = response.Headers.GetValues("Set-Cookie").Should().ContainSingle(c => c.StartsWith("__Host-Clinic.Antiforgery=")).Subject;
        antiforgery.ToLowerInvariant().Should().Contain("; secure").And.Contain("; httponly");
        plain.StatusCode.Should().Be(HttpStatusCode.BadRequest, "plain HTTP that no proxy vouches for is refused with a reason");
        (await plain.Content.ReadAsStringAsync()).Should().Contain("HTTPS only");
    }

    [Fact]
    public async Task The_plain_run_command_still_starts_the_demo_clinic_in_Development()
    {
        await using var app = await AppProcess.RunAsync(output, null, "run", "--project", "Clinic.Web", "--no-build", "-c", Repository.Configuration);

        app.Output.Should().Contain("Hosting environment: Development").And.Contain("Demo logins");
    }

    private static async Task ShouldServeScriptsAndStylesAsync(HttpClient http, string html)
    {
        var assets = System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"([^\"]+\\.(?:css|js))\"").Select(m => m.Groups[1].Value).ToList();
        assets.Should().Contain(a => a.Contains("MudBlazor")).And.Contain(a => a.Contains("blazor.web"));
        foreach (var asset in assets)
            (await http.GetAsync("/" + asset.TrimStart('/'))).StatusCode.Should().Be(HttpStatusCode.OK, asset);
    }

    /// <summary>One app process on a free loopback port with its own database and mail folder.</summary>
    private sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly StringBuilder lines = new();
        private readonly string root;

        private AppProcess(Process process, string root, Uri address) => (this.process, this.root, Address) = (process, root, address);

        public Uri Address { get; }
        public string Output { get { lock (lines) return lines.ToString(); } }

        public static string RepositoryRoot => Repository.Root;

        /// <summary>A client as the clinic's TLS-ending proxy would be: every request says it came over HTTPS.</summary>
        public HttpClient BehindTlsProxy()
        {
            var http = new HttpClient { BaseAddress = Address };
            http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            return http;
        }

        public static Task<AppProcess> RunAsync(ITestOutputHelper output, string? environment, params string[] args) =>
            RunInAsync(output, RepositoryRoot, environment, args);

        public static async Task<AppProcess> RunInAsync(ITestOutputHelper output, string workingDirectory, string? environment, params string[] args)
        {
            var root = Directory.CreateTempSubdirectory("clinic-process-").FullName;
            var port = FreePort();
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in args)
                info.ArgumentList.Add(arg);
            if (args[0] == "run")
                info.ArgumentList.Add("--");
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add($"http://127.0.0.1:{port}");
            info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
            info.Environment.Remove("DOTNET_ENVIRONMENT");
            if (environment is not null)
                info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
            info.Environment["Clinic__Storage__SqlitePath"] = Path.Combine(root, "clinic.db");
            info.Environment["Clinic__Email__PickupDirectory"] = Path.Combine(root, "mail");
            info.Environment["Clinic__Email__PublicBaseUrl"] = "https://booking.gomoti.example";
            info.Environment["Clinic__Outbox__RunWorker"] = "false";

            var process = Process.Start(info)!;
            var app = new AppProcess(process, root, new Uri($"http://127.0.0.1:{port}"));
            var listening = new TaskCompletionSource();
            void Read(string? line)
            {
                if (line is null)
                    return;
                lock (app.lines)
                    app.lines.AppendLine(line);
                if (line.Contains("Content root path:"))
                    listening.TrySetResult();
            }
            process.OutputDataReceived += (_, e) => Read(e.Data);
            process.ErrorDataReceived += (_, e) => Read(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var started = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
            output.WriteLine(app.Output);
            if (started != listening.Task)
            {
                await app.DisposeAsync();
                throw new Xunit.Sdk.XunitException($"The app did not start listening:\n{app.Output}");
            }
            return app;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Left for the temp cleaner.
            }
        }
    }
}
