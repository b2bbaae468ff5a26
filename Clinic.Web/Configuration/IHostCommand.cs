namespace Clinic.Web.Configuration;

/// <summary>A task run by the app's executable instead of serving pages: it does its work and exits with a status.</summary>
public interface IHostCommand
{
    Task<int> RunAsync(IServiceProvider services, TextWriter output);
}

/// <summary>The commands the executable takes as its first argument.</summary>
public static class HostCommands
{
    /// <summary>The command in <paramref name="args"/> and the arguments left for the host, or no command when the app should just run.</summary>
    public static (IHostCommand? Command, string[] HostArgs, string? Problem) Parse(string[] args) =>
        args.Length > 0 && args[0] == BackupCommand.Name ? BackupCommand.Parse(args) : CopyDatabaseCommand.Parse(args);
}
