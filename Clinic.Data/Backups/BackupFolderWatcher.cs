using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Clinic.Data.Backups;

/// <summary>
/// Watches the copies' folder, so a copy made by another process (the <c>backup</c> command run beside
/// the app) or removed by hand reaches <see cref="BackupStatus"/> and an open owner's page at once,
/// as the app's own copies do, instead of at the next page load.
/// </summary>
public sealed class BackupFolderWatcher(DatabaseBackups backups, BackupStatus status, ILogger<BackupFolderWatcher> logger) : IHostedService, IDisposable
{
    private FileSystemWatcher? watcher;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!backups.Applies)
            return Task.CompletedTask;
        try
        {
            // The folder a first copy would make; watching needs it to be there.
            Directory.CreateDirectory(backups.Folder);
            // Copies appear by a folder's rename (their unfinished name to the made one) and go by its deletion.
            watcher = new FileSystemWatcher(backups.Folder) { NotifyFilter = NotifyFilters.DirectoryName };
            watcher.Renamed += (_, _) => Look();
            watcher.Deleted += (_, _) => Look();
            watcher.Error += (_, e) => logger.LogWarning(e.GetException(), "Watching {Folder} for copies stopped; a copy made by the backup command shows at the next page load.", backups.Folder);
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The nightly copy reports the same fault where it matters; the card still reads the folder when opened.
            logger.LogWarning(ex, "Cannot watch {Folder} for copies; a copy made by the backup command shows at the next page load.", backups.Folder);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        watcher?.Dispose();
        watcher = null;
    }

    private void Look()
    {
        try
        {
            status.Found(backups.Copies().FirstOrDefault()?.MadeUtc);
        }
        catch (IOException)
        {
            // The folder changed while it was read; the next change looks again.
        }
    }
}
