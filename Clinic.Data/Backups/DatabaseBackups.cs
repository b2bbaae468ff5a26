using System.Globalization;
using System.Text.RegularExpressions;
using Clinic.Data.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Clinic.Data.Backups;

/// <summary>
/// Copies the clinic's SQLite database while the app runs, through SQLite's online backup (a
/// consistent picture of one moment; bookings go on meanwhile), with the keys folder beside it, into
/// a folder of its own named by the moment in UTC (<c>2026-12-01_203000Z</c>). A copy is checked by
/// SQLite before it takes its name, so a folder with that name is a whole, readable copy; then the
/// oldest copies beyond <see cref="BackupOptions.Keep"/> are removed. Nothing else in the folder is touched.
/// </summary>
public sealed partial class DatabaseBackups(IOptions<StorageOptions> storage, IOptions<BackupOptions> options, BackupStatus status, TimeProvider clock)
{
    public const string DatabaseFileName = "clinic.db";
    public const string KeysFolderName = "keys";
    private const string Partial = ".partial";
    private const string NameFormat = "yyyy-MM-dd_HHmmss'Z'";

    /// <summary>The folder copies go to.</summary>
    public string Folder => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(storage.Value.SqlitePath) ?? ".", options.Value.Folder));

    /// <summary>Whether there is anything for this app to copy: the database is SQLite.</summary>
    public bool Applies => storage.Value.Provider == StorageProviders.Sqlite;

    /// <summary>How many copies are kept.</summary>
    public int Keep => options.Value.Keep;

    /// <summary>Makes a copy now; what happened is also noted in <see cref="BackupStatus"/> (a failure until the next copy is made).</summary>
    public async Task<BackupMade> MakeAsync(CancellationToken cancellationToken = default)
    {
        // The night's copy and an owner's click, or two owners' clicks, take turns: one copy at a time.
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var made = await CopyAsync(cancellationToken);
            status.Copied(clock.GetUtcNow().UtcDateTime);
            return made;
        }
        catch (Exception ex) when (Applies && ex is not OperationCanceledException)
        {
            status.Failed(clock.GetUtcNow().UtcDateTime, ex.Message);
            throw;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    private async Task<BackupMade> CopyAsync(CancellationToken cancellationToken)
    {
        if (!Applies)
            throw new InvalidOperationException("The clinic's data is in PostgreSQL: back it up with PostgreSQL's own tools (pg_dump), not with this app.");
        var source = storage.Value.SqlitePath;
        if (!File.Exists(source))
            throw new InvalidOperationException($"There is no database at {source} to copy.");

        Directory.CreateDirectory(Folder);
        await using var turn = await TakeTurnAsync(cancellationToken);
        var name = clock.GetUtcNow().UtcDateTime.ToString(NameFormat, CultureInfo.InvariantCulture);
        var final = Path.Combine(Folder, name);
        // Asked twice in one second (two clicks, or a click at the night's time): that copy is the one asked for.
        if (Directory.Exists(final))
            return new BackupMade(final, new FileInfo(Path.Combine(final, DatabaseFileName)).Length,
                Directory.Exists(Path.Combine(final, KeysFolderName)) ? Directory.GetFiles(Path.Combine(final, KeysFolderName)).Length : 0, 0);
        RemoveUnfinished();
        var partial = final + Partial;
        Directory.CreateDirectory(partial);
        try
        {
            var bytes = await Task.Run(() => CopyDatabase(source, Path.Combine(partial, DatabaseFileName)), cancellationToken);
            var keys = CopyKeys(Path.Combine(Path.GetDirectoryName(source) ?? ".", KeysFolderName), Path.Combine(partial, KeysFolderName));
            Directory.Move(partial, final);
            return new BackupMade(final, bytes, keys, RemoveBeyondKept());
        }
        catch
        {
            // What failed is the news; an unfinished copy left now is removed before the next one.
            try
            {
                Directory.Delete(partial, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
            throw;
        }
    }

    /// <summary>
    /// The running app's copies and the <c>backup</c> command's are made by two processes: each holds
    /// this file in the folder for the whole of its copy, so they take turns, and neither removes the
    /// other's unfinished copy as one left by a stopped app. The operating system lets go of the file
    /// when a process ends, however it ends.
    /// </summary>
    private async Task<FileStream> TakeTurnAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Folder, TurnFileName);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (ex.HResult is SharingViolation or HeldOnLinux)
            {
                if (waited.Elapsed > LongestWait)
                    throw new InvalidOperationException($"Another copy has been under way in {Folder} for {LongestWait.TotalMinutes:0} minutes; this one was not made.", ex);
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    private const string TurnFileName = ".copying";
    // What opening a file another holds gives: Windows' sharing violation; on Linux, flock's EWOULDBLOCK.
    private const int SharingViolation = unchecked((int)0x80070020);
    private const int HeldOnLinux = 11;
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(30);

    /// <summary>The copies there are, newest first.</summary>
    public IReadOnlyList<BackupCopy> Copies() =>
        !Directory.Exists(Folder) ? []
        : [.. Directory.GetDirectories(Folder).Where(d => CopyName().IsMatch(Path.GetFileName(d))).OrderByDescending(d => Path.GetFileName(d), StringComparer.Ordinal)
            .Select(d => new BackupCopy(d, DateTime.ParseExact(Path.GetFileName(d), NameFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                new FileInfo(Path.Combine(d, DatabaseFileName)) is { Exists: true } file ? file.Length : 0))];

    private static long CopyDatabase(string source, string target)
    {
        using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Pooling = false }.ToString()))
        using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            from.Open();
            to.Open();
            from.BackupDatabase(to);
            // One self-contained file (the app turns write-ahead logging on again when it starts on it).
            Execute(to, "PRAGMA journal_mode = DELETE;");
            if (Execute(to, "PRAGMA quick_check;") is not "ok" and var problem)
                throw new InvalidOperationException($"The copy failed SQLite's check ({problem}); it was not kept.");
        }
        return new FileInfo(target).Length;
    }

    private static string? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static int CopyKeys(string source, string target)
    {
        if (!Directory.Exists(source))
            return 0;
        Directory.CreateDirectory(target);
        var files = Directory.GetFiles(source, "*.xml");
        foreach (var file in files)
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return files.Length;
    }

    // A copy the app stopped in the middle of (a restart, a full disk) never took its name.
    private void RemoveUnfinished()
    {
        foreach (var unfinished in Directory.GetDirectories(Folder, "*" + Partial).Where(d => CopyName().IsMatch(Path.GetFileName(d)[..^Partial.Length])))
            Directory.Delete(unfinished, recursive: true);
    }

    private int RemoveBeyondKept()
    {
        var old = Copies().Skip(options.Value.Keep).ToList();
        foreach (var copy in old)
            Directory.Delete(copy.Folder, recursive: true);
        return old.Count;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}_\d{6}Z$")]
    private static partial Regex CopyName();
}
