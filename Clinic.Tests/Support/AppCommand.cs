using System.Diagnostics;
using Xunit.Abstractions;

namespace Clinic.Tests.Support;

/// <summary>Runs the built app with a command (<c>backup</c>, <c>copy-database</c>), as the README says, on a given SQLite file.</summary>
public static class AppCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(ITestOutputHelper output, string sqlitePath, params string[] args)
    {
        var dll = Repository.WebDll;
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args.Prepend(dll))
            info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Clinic__Storage__SqlitePath"] = sqlitePath;
        info.Environment["Clinic__Email__PublicBaseUrl"] = "https://booking.gomoti.example";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        var text = await stdout + await stderr;
        output.WriteLine(text);
        return (process.ExitCode, text);
    }
}
