using System.Text.Json;
using Clinic.Tests.Support;
using Clinic.Web.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Web;

public sealed class RootDevelopmentSettingsTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Clinic.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Clinic.sln not found above the test output.");
    }

    [Fact]
    public void The_settings_file_found_in_Development_is_the_one_beside_Clinic_sln()
    {
        var root = RepositoryRoot();

        RootDevelopmentSettings.Locate(Path.Combine(root, "Clinic.Web")).Should().Be(Path.Combine(root, "appsettings.Development.json"));
    }

    [Fact]
    public async Task The_running_app_takes_its_Development_values_from_the_root_file()
    {
        using var rootFile = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "appsettings.Development.json")));
        var banner = rootFile.RootElement.GetProperty("Clinic").GetProperty("Environment").GetProperty("Banner").GetString();
        var demoPassword = rootFile.RootElement.GetProperty("Clinic").GetProperty("DemoData").GetProperty("Password").GetString();
        await using var app = new ClinicAppFactory();

        var configuration = app.Services.GetRequiredService<IConfiguration>();
        configuration["Clinic:Environment:Banner"].Should().Be(banner).And.NotBeNullOrEmpty();
        configuration["Clinic:DemoData:Password"].Should().Be(demoPassword);

        // ...and it visibly takes effect: the app bar shows the banner.
        var html = await app.CreateClient().GetStringAsync("/");
        html.Should().Contain("data-testid=\"environment-banner\"").And.Contain(banner);
    }
}
