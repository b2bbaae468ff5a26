using Clinic.Data.Backups;
using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clinic.Tests.Data.Backups;

/// <summary>
/// Copies of the SQLite database made while the clinic works: a whole picture of one moment, with
/// the keys beside it, the oldest beyond what is kept removed, and made each night on the clinic's clock.
/// </summary>
[Trait("Engine", "Sqlite")]
public sealed class DatabaseBackupsTests : IAsyncLifetime
{
    private readonly DataHarness harness = new(seedDemo: true, new Dictionary<string, string?>
    {
        ["Clinic:Storage:Provider"] = StorageProviders.Sqlite,
        ["Clinic:Backup:Keep"] = "2",
    });

    public Task InitializeAsync() => harness.InitializeAsync();
    public Task DisposeAsync() => harness.DisposeAsync();

    private DatabaseBackups Backups => harness.Get<DatabaseBackups>();

    // Instants are stored as ticks on SQLite.
    private static async Task<List<long>> StartsInAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT StartUtc FROM Appointments";
        var starts = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            starts.Add(reader.GetInt64(0));
        return starts;
    }

    /// <summary>A request at that hour on 20 Dec, added to <paramref name="db"/>; its start in ticks.</summary>
    private async Task<long> NewRequestAsync(ClinicDbContext db, int hour)
    {
        var doctorId = await harness.DoctorIdAsync("tanvir.ahmed@gomoti.example");
        var patient = await db.Users.SingleAsync(u => u.Email == "ayesha@patients.example");
        var start = new DateTime(2026, 12, 20, hour, 0, 0, DateTimeKind.Utc);
        db.Appointments.Add(Appointment.Request(doctorId, patient.Id, start, start.AddMinutes(30), 1, harness.Clock.GetUtcNow().UtcDateTime));
        return start.Ticks;
    }

    [Fact]
    public async Task A_copy_made_while_a_booking_is_being_written_holds_what_was_saved_before_it_and_opens_on_its_own()
    {
        long before, during;
        await using (var db = await harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
        {
            before = await NewRequestAsync(db, 3);
            await db.SaveChangesAsync();
        }

        BackupMade made;
        await using (var writing = await harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
        {
            await using var transaction = await writing.Database.BeginTransactionAsync();
            during = await NewRequestAsync(writing, 4);
            await writing.SaveChangesAsync();
            made = await Backups.MakeAsync();
            await transaction.CommitAsync();
        }

        Path.GetFileName(made.Folder).Should().Be("2026-11-23_090000Z", "a copy is named by its moment in UTC");
        var copy = Path.Combine(made.Folder, DatabaseBackups.DatabaseFileName);
        made.DatabaseBytes.Should().Be(new FileInfo(copy).Length);
        (await StartsInAsync(copy)).Should().Contain(before).And.NotContain(during, "it was not saved when the copy was made");
        Directory.GetFiles(made.Folder).Select(Path.GetFileName).Should().Equal([DatabaseBackups.DatabaseFileName], "one self-contained file, no write-ahead log beside it");
        (await StartsInAsync(harness.Database.Settings["Clinic:Storage:SqlitePath"]!)).Should().Contain(during, "the booking went on meanwhile");
    }

    [Fact]
    public async Task The_keys_go_with_the_copy_and_only_the_newest_copies_are_kept_leaving_other_folders_alone()
    {
        var data = Path.GetDirectoryName(harness.Database.Settings["Clinic:Storage:SqlitePath"])!;
        Directory.CreateDirectory(Path.Combine(data, "keys"));
        await File.WriteAllTextAsync(Path.Combine(data, "keys", "key-1.xml"), "<key/>");
        Directory.CreateDirectory(Path.Combine(Backups.Folder, "before-the-upgrade"));
        Directory.CreateDirectory(Path.Combine(Backups.Folder, "2026-11-22_203000Z.partial"));

        var made = new List<BackupMade>();
        for (var night = 0; night < 3; night++)
        {
            made.Add(await Backups.MakeAsync());
            harness.Clock.Advance(TimeSpan.FromDays(1));
        }

        made[0].KeyFiles.Should().Be(1);
        File.Exists(Path.Combine(made[2].Folder, "keys", "key-1.xml")).Should().BeTrue();
        made.Select(m => m.Removed).Should().Equal(0, 0, 1);
        Backups.Copies().Select(c => Path.GetFileName(c.Folder)).Should().Equal("2026-11-25_090000Z", "2026-11-24_090000Z");
        Directory.GetDirectories(Backups.Folder).Select(Path.GetFileName).Should().BeEquivalentTo(["2026-11-25_090000Z", "2026-11-24_090000Z", "before-the-upgrade"],
            "a folder the app did not make stays; a copy it never finished goes");
    }

    [Fact]
    public async Task Each_night_at_the_set_time_on_the_clinic_s_clock_a_copy_is_made()
    {
        await using var worker = await StartWorkerAsync();
        // 09:00 UTC is 15:00 in Dhaka; 02:30 there is 20:30 UTC.
        Status.NextUtc.Should().Be(new DateTime(2026, 11, 23, 20, 30, 0, DateTimeKind.Utc));
        harness.Clock.Advance(TimeSpan.FromHours(11.5) - TimeSpan.FromMinutes(1));
        await Task.Delay(300);
        Backups.Copies().Should().BeEmpty("it is not yet 02:30 in Dhaka");

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => Task.FromResult(Backups.Copies().Count == 1), "tonight's copy");
        Backups.Copies().Select(c => Path.GetFileName(c.Folder)).Should().Equal("2026-11-23_203000Z");

        await Eventually.TrueAsync(() => Task.FromResult(Status.NextUtc == new DateTime(2026, 11, 24, 20, 30, 0, DateTimeKind.Utc)), "waiting for the next night");
        harness.Clock.Advance(TimeSpan.FromDays(1));
        await Eventually.TrueAsync(() => Task.FromResult(Backups.Copies().Count == 2), "the next night's copy");
        Status.LastCopyUtc.Should().Be(new DateTime(2026, 11, 24, 20, 30, 0, DateTimeKind.Utc));
        Status.Failure.Should().BeNull();
    }

    [Fact]
    public async Task A_nightly_copy_that_fails_is_reported_and_tried_again_each_hour_until_one_is_made()
    {
        // Something else took the copies' place: a file where the folder should be.
        Directory.CreateDirectory(Path.GetDirectoryName(Backups.Folder)!);
        await File.WriteAllTextAsync(Backups.Folder, "not a folder");
        await using var worker = await StartWorkerAsync();

        harness.Clock.Advance(TimeSpan.FromHours(11.5));
        await Eventually.TrueAsync(() => Task.FromResult(Status.Failure is not null), "the failure reported");
        Status.Failure!.Value.AtUtc.Should().Be(new DateTime(2026, 11, 23, 20, 30, 0, DateTimeKind.Utc));
        await Eventually.TrueAsync(() => Task.FromResult(Status.NextUtc == new DateTime(2026, 11, 23, 21, 30, 0, DateTimeKind.Utc)), "a try an hour later");

        File.Delete(Backups.Folder);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await Eventually.TrueAsync(() => Task.FromResult(Backups.Copies().Count == 1), "the copy an hour later");
        Backups.Copies().Select(c => Path.GetFileName(c.Folder)).Should().Equal("2026-11-23_213000Z");
        Status.Failure.Should().BeNull("the latest attempt succeeded");
    }

    private BackupStatus Status => harness.Get<BackupStatus>();

    /// <summary>The worker as the app runs it, on the harness's clock; stopped when disposed.</summary>
    private async Task<RunningWorker> StartWorkerAsync()
    {
        var worker = new NightlyBackupWorker(Backups, Status, harness.Get<IDbContextFactory<ClinicDbContext>>(), harness.Get<IOptions<BackupOptions>>(),
            harness.Clock, NullLogger<NightlyBackupWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        // The clock moves only once it waits for the night (it reads the clinic's zone first).
        await Eventually.TrueAsync(() => Task.FromResult(Status.NextUtc is not null), "the worker waiting for the night");
        return new RunningWorker(worker);
    }

    private sealed class RunningWorker(NightlyBackupWorker worker) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(worker.StopAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Two_copies_asked_for_in_the_same_second_are_one_copy_and_neither_is_a_failure()
    {
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => Backups.MakeAsync())));

        both.Select(made => Path.GetFileName(made.Folder)).Should().Equal("2026-11-23_090000Z", "2026-11-23_090000Z");
        both.Should().AllSatisfy(made => made.DatabaseBytes.Should().BeGreaterThan(0));
        Directory.GetDirectories(Backups.Folder).Should().ContainSingle();
        Status.Failure.Should().BeNull();
    }

    [Fact]
    public async Task A_copy_waits_while_another_process_is_making_one_and_leaves_that_one_s_unfinished_folder_alone()
    {
        // Another process (the backup command beside the app) halfway through its copy: it holds the
        // folder's turn file, and its copy has no name yet.
        Directory.CreateDirectory(Backups.Folder);
        var theirs = Path.Combine(Backups.Folder, "2026-11-23_085958Z");
        Directory.CreateDirectory(theirs + ".partial");
        var turn = new FileStream(Path.Combine(Backups.Folder, ".copying"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var ours = Task.Run(() => Backups.MakeAsync());
        await Task.Delay(TimeSpan.FromSeconds(1));
        ours.IsCompleted.Should().BeFalse("the other process is still copying");
        Directory.Exists(theirs + ".partial").Should().BeTrue("an unfinished copy of a process still at work is not a stopped app's");

        // The other process finishes: its copy takes its name and it lets go of the turn.
        Directory.Move(theirs + ".partial", theirs);
        await turn.DisposeAsync();
        var made = await ours.WaitAsync(TimeSpan.FromSeconds(30));

        Path.GetFileName(made.Folder).Should().Be("2026-11-23_090000Z");
        Backups.Copies().Select(c => Path.GetFileName(c.Folder)).Should().Equal("2026-11-23_090000Z", "2026-11-23_085958Z");
        Status.Failure.Should().BeNull();
    }

    [Fact]
    public async Task A_copy_made_by_the_backup_command_beside_the_app_reaches_the_app_at_once_and_ends_its_reported_failure()
    {
        Status.Failed(new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc), "the disk was full");
        using var watcher = new BackupFolderWatcher(Backups, Status, NullLogger<BackupFolderWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        var told = 0;
        Status.Changed += () => Interlocked.Increment(ref told);

        // The command is another process: its own copier and status, the app's folder.
        var command = new DatabaseBackups(harness.Get<IOptions<StorageOptions>>(), harness.Get<IOptions<BackupOptions>>(), new BackupStatus(), harness.Clock);
        await command.MakeAsync();

        await Eventually.TrueAsync(() => Task.FromResult(Status.LastCopyUtc == new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc)), "the app told of the command's copy");
        Status.Failure.Should().BeNull("the data has a copy made after the failed try");
        Volatile.Read(ref told).Should().BePositive("an open owner's page is told");

        // Copies removed by hand are told too, and a failure after the newest copy stays reported.
        Status.Failed(new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc), "the disk was full");
        var before = Volatile.Read(ref told);
        Directory.Delete(Backups.Copies()[0].Folder, recursive: true);
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref told) > before), "the app told of the removal");
        Status.Failure.Should().NotBeNull();
    }

    [Fact]
    public async Task On_PostgreSQL_the_app_makes_no_copy_and_says_which_tool_does()
    {
        var backups = new DatabaseBackups(Options.Create(new StorageOptions { Provider = StorageProviders.Postgres }), Options.Create(new BackupOptions()), new BackupStatus(), TimeProvider.System);

        var make = () => backups.MakeAsync();

        (await make.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("pg_dump");
    }
}
