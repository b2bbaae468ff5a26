using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Clinic.Web.Configuration;

/// <summary>
/// The design card keeps <c>appsettings.Development.json</c> at the repository root, beside
/// Clinic.sln. In Development the app loads that file where appsettings.{env}.json would
/// normally sit (after appsettings.json, before environment variables and the command line).
/// </summary>
public static class RootDevelopmentSettings
{
    public const string FileName = "appsettings.Development.json";

    public static void AddRootDevelopmentSettings(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
            return;
        var path = Locate(environment.ContentRootPath)
            ?? throw new FileNotFoundException($"{FileName} was not found at the repository root nor beside the app.");

        var sources = configuration.Sources;
        var afterAppSettings = sources
            .Select((source, index) => (source, index))
            .Where(s => s.source is JsonConfigurationSource { Path: "appsettings.json" })
            .Select(s => s.index + 1)
            .DefaultIfEmpty(0)
            .First();
        sources.Insert(afterAppSettings, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(Path.GetDirectoryName(path)!),
            Path = FileName,
            Optional = false,
            ReloadOnChange = true,
        });
    }

    /// <summary>The root copy when running from the repository, else the copy the build puts beside the app.</summary>
    public static string? Locate(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Clinic.sln")))
            {
                var atRoot = Path.Combine(dir.FullName, FileName);
                return File.Exists(atRoot) ? atRoot : null;
            }
        }
        var besideApp = Path.Combine(AppContext.BaseDirectory, FileName);
        return File.Exists(besideApp) ? besideApp : null;
    }
}
