namespace Clinic.Web.Configuration;

/// <summary>
/// <c>dotnet run</c> on a developer's machine should start the demo clinic, yet an environment the
/// operator names (<c>ASPNETCORE_ENVIRONMENT=Production dotnet run ...</c>) must win. A launch profile's
/// environment variables replace the operator's, so the profile only names a default here
/// (<see cref="DefaultVariable"/>), used when nobody named an environment.
/// </summary>
public static class LaunchEnvironment
{
    public const string DefaultVariable = "CLINIC_DEFAULT_ENVIRONMENT";

    public static string? Resolve(string[] args, Func<string, string?> variable)
    {
        var named = !string.IsNullOrEmpty(variable("ASPNETCORE_ENVIRONMENT")) || !string.IsNullOrEmpty(variable("DOTNET_ENVIRONMENT"))
            || args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase));
        return named ? null : variable(DefaultVariable) is { Length: > 0 } fallback ? fallback : null;
    }
}
