using System.Diagnostics;
using Clinic.Data.Booking;
using Clinic.Data.Identity;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Identity;
using Clinic.Domain.Scheduling;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Benchmarks;

/// <summary>
/// Bookings per second through the booking use case on SQLite, one caller and eight at once, beside
/// a bare SQLite insert transaction measured in the same run on the same file. The ratio is the figure.
/// Run: dotnet run -c Release --project benchmarks/Clinic.Benchmarks -- bookings
/// On PostgreSQL (a database created and dropped by the run; the bare insert then on the same database):
///      CLINIC_BENCH_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres" dotnet run ... -- bookings postgres
/// </summary>
public static class BookingThroughput
{
    // More for a profile: CLINIC_BENCH_BOOKINGS=6000, then attach a tracer when the run says it books.
    private static readonly int PerPhase = int.TryParse(Environment.GetEnvironmentVariable("CLINIC_BENCH_BOOKINGS"), out var n) ? n : 1_500;
    private const int HandWarmUp = 300;

    public static async Task RunAsync(bool postgres = false)
    {
        if (!postgres)
        {
            await RunOnAsync(null);
            return;
        }
        var server = Environment.GetEnvironmentVariable("CLINIC_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Set CLINIC_BENCH_POSTGRES to a PostgreSQL server's connection string.");
        var name = $"clinic_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        try
        {
            await RunOnAsync(new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task RunOnAsync(string? postgres)
    {
        await using var clinic = new BenchmarkClinic(postgres);
        await clinic.SeedAsync();
        var services = clinic.Services;
        // Two phases, one more written by hand after a warm-up, and two for the use case's warm-up at the end.
        var free = await FreeSlotsAsync(services, clinic.DoctorIds, PerPhase * 3 + HandWarmUp + 2);
        var patients = await PatientsAsync(services, PerPhase * 3 + HandWarmUp + 2);
        var booking = services.GetRequiredService<BookingService>();

        // Warm up the JIT and the connection pool.
        await booking.BookAsync(patients[^1], new BookingRequest(free[^1].DoctorId, free[^1].StartUtc));
        clinic.Statements.Start();
        await booking.BookAsync(patients[^2], new BookingRequest(free[^2].DoctorId, free[^2].StartUtc));
        var statements = clinic.Statements.Stop();
        if (Environment.GetEnvironmentVariable("CLINIC_BENCH_SHOW_STATEMENTS") is not null)
            foreach (var statement in statements)
                Console.WriteLine($"{statement.Text}\n  -- {string.Join(", ", statement.Parameters.Select(p => $"{p.Name}={p.Value}"))}\n");

        Console.WriteLine($"Booking with one caller (process {Environment.ProcessId})");
        clinic.Commits.Take();
        var (allocatedBefore, pausedBefore) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
        var single = await TimeAsync(PerPhase, async i =>
            (await booking.BookAsync(patients[i], new BookingRequest(free[i].DoctorId, free[i].StartUtc))).Succeeded);
        var singleCommit = clinic.Commits.Take();
        var (allocated, paused) = (GC.GetTotalAllocatedBytes() - allocatedBefore, GC.GetTotalPauseDuration() - pausedBefore);
        var concurrent = await TimeAsync(PerPhase, i => BookAsync(booking, patients, free, PerPhase + i), callers: 8);
        var bare = postgres is null
            ? await BareInsertsAsync(clinic.DatabasePath, clinic.DoctorIds[0], patients[0].UserId, PerPhase)
            : await BarePostgresInsertsAsync(postgres, clinic.DoctorIds[0], patients[0].UserId, PerPhase);

        var byHand = 0.0;
        if (postgres is null)
        {
            await HandWrittenBooking.RunAsync(clinic, free, patients, PerPhase * 2, HandWarmUp);
            byHand = await HandWrittenBooking.RunAsync(clinic, free, patients, PerPhase * 2 + HandWarmUp, PerPhase);
        }
        var replayed = postgres is null ? await ReplayAsync(clinic.DatabasePath, statements, free[^2], PerPhase) : default;
        var reused = postgres is null ? await ReplayAsync(clinic.DatabasePath, statements, free[^2], PerPhase, prepared: true, firstDay: 400 + (PerPhase + 1) * 7) : default;

        Console.WriteLine();
        Console.WriteLine(postgres is null ? "SQLite" : "PostgreSQL");
        if (postgres is null)
        {
            Console.WriteLine($"A booking's {statements.Count} statements, no EF: {replayed.Rate,6:0} /s (the same reads and inserts sent raw; commit {replayed.CommitMs:0.000} ms of {1000 / replayed.Rate:0.000})");
            Console.WriteLine($"  each statement, µs: {string.Join(" · ", replayed.StatementMicroseconds.Select(m => m.ToString("0")))}");
            Console.WriteLine($"The same, each compiled once: {reused.Rate,6:0} /s (commit {reused.CommitMs:0.000} ms); each statement, µs: {string.Join(" · ", reused.StatementMicroseconds.Select(m => m.ToString("0")))}");
        }
        Console.WriteLine($"Booking use case, 1 caller:   {single.Rate,8:0} bookings/s ({single.Succeeded}/{PerPhase} succeeded; commit {singleCommit.AverageMs:0.000} ms of {1000 / single.Rate:0.000})");
        Console.WriteLine($"  allocated {allocated / 1024.0 / PerPhase:0} KB a booking; GC paused {paused.TotalMilliseconds / PerPhase:0.000} ms a booking");
        Console.WriteLine($"Booking use case, 8 callers:  {concurrent.Rate,8:0} bookings/s ({concurrent.Succeeded}/{PerPhase} succeeded)");
        Console.WriteLine($"Bare insert transaction:        {bare,6:0} inserts/s");
        Console.WriteLine($"Ratio use case / bare insert:  1 caller {single.Rate / bare:P0}, 8 callers {concurrent.Rate / bare:P0}");
        if (postgres is null)
        {
            Console.WriteLine($"Ratio raw statements / bare:   {replayed.Rate / bare:P0}, compiled once {reused.Rate / bare:P0} (the most the use case could reach while writing what it writes)");
            Console.WriteLine($"A booking written by hand:    {byHand,8:0} bookings/s, {byHand / bare:P0} of the bare insert (no EF, statements compiled once, the domain's work; see HandWrittenBooking)");
        }
    }

    private static async Task<bool> BookAsync(BookingService booking, IReadOnlyList<Clinic.Domain.Appointments.AppointmentActor> patients, IReadOnlyList<Slot> free, int i) =>
        (await booking.BookAsync(patients[i], new BookingRequest(free[i].DoctorId, free[i].StartUtc))).Succeeded;

    private static async Task<(double Rate, int Succeeded)> TimeAsync(int count, Func<int, Task<bool>> work, int callers = 1)
    {
        var next = -1;
        var succeeded = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                if (await work(i))
                    Interlocked.Increment(ref succeeded);
            }
        })));
        return (count / clock.Elapsed.TotalSeconds, succeeded);
    }

    /// <summary>BEGIN IMMEDIATE; one INSERT into Appointments; COMMIT — the floor any booking pays.</summary>
    private static async Task<double> BareInsertsAsync(string databasePath, Guid doctorId, string patientId, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Default Timeout=30");
        await connection.OpenAsync();
        var start = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO Appointments (Id, DoctorId, PatientUserId, StartUtc, EndUtc, SeatNumber, Status, Stage, IsDeleted, CreatedByUserId, CreatedUtc, UpdatedUtc, Version)
                VALUES ($id, $doctor, $patient, $start, $end, 1, 'Pending', 'Expected', 0, $patient, $start, $start, 1)
                """;
            insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString().ToUpperInvariant());
            insert.Parameters.AddWithValue("$doctor", doctorId.ToString().ToUpperInvariant());
            insert.Parameters.AddWithValue("$patient", patientId);
            insert.Parameters.AddWithValue("$start", start + i * TimeSpan.TicksPerHour);
            insert.Parameters.AddWithValue("$end", start + i * TimeSpan.TicksPerHour + TimeSpan.TicksPerMinute * 30);
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The statements one booking sent, sent again on a plain connection in one transaction each: what
    /// the database itself costs for a booking's reads and writes. New row keys each time; the slot's
    /// times moved beyond the booked months, a week further each round so the seat index never refuses.
    /// With <paramref name="prepared"/> each statement is compiled once and its command used again, which
    /// neither EF nor Microsoft.Data.Sqlite does across commands (dotnet/efcore#14044): the compile's share.
    /// </summary>
    private static async Task<Replay> ReplayAsync(string databasePath, IReadOnlyList<StatementRecorder.Statement> statements, Slot slot, int count, bool prepared = false, int firstDay = 400)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Default Timeout=30");
        await connection.OpenAsync();
        var (start, end) = (slot.StartUtc.Ticks, slot.EndUtc.Ticks);
        var commits = TimeSpan.Zero;
        var each = new long[statements.Count];
        var kept = new SqliteCommand?[statements.Count];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var shift = (firstDay + i * 7) * TimeSpan.TicksPerDay;
            var keys = new Dictionary<Guid, Guid>();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            for (var s = 0; s < statements.Count; s++)
            {
                var began = Stopwatch.GetTimestamp();
                var command = kept[s] ?? connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = statements[s].Text;
                command.Parameters.Clear();
                foreach (var (name, value) in statements[s].Parameters)
                {
                    command.Parameters.AddWithValue(name, value switch
                    {
                        // EF keeps keys on SQLite as upper-case text.
                        Guid { Version: 7 } key => (keys.TryGetValue(key, out var fresh) ? fresh : keys[key] = Guid.CreateVersion7()).ToString().ToUpperInvariant(),
                        Guid key => key.ToString().ToUpperInvariant(),
                        long ticks when ticks == start || ticks == end || ticks == start - Clinic.Domain.Appointments.Appointment.LongestVisit.Ticks => ticks + shift,
                        _ => value,
                    });
                }
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync()) { }
                }
                if (prepared)
                    kept[s] = command;
                else
                    await command.DisposeAsync();
                each[s] += Stopwatch.GetElapsedTime(began).Ticks;
            }
            var committing = Stopwatch.GetTimestamp();
            await transaction.CommitAsync();
            commits += Stopwatch.GetElapsedTime(committing);
        }
        var rate = count / clock.Elapsed.TotalSeconds;
        foreach (var command in kept)
            command?.Dispose();
        return new Replay(rate, commits.TotalMilliseconds / count, [.. each.Select(t => TimeSpan.FromTicks(t).TotalMicroseconds / count)]);
    }

    private readonly record struct Replay(double Rate, double CommitMs, IReadOnlyList<double> StatementMicroseconds);

    /// <summary>BEGIN; one INSERT into Appointments; COMMIT, prepared, on one open connection.</summary>
    private static async Task<double> BarePostgresInsertsAsync(string connectionString, Guid doctorId, string patientId, int count)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var start = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = new Npgsql.NpgsqlCommand("""
                INSERT INTO "Appointments" ("Id", "DoctorId", "PatientUserId", "StartUtc", "EndUtc", "SeatNumber", "Status", "Stage", "IsDeleted", "CreatedByUserId", "CreatedUtc", "UpdatedUtc", "Version")
                VALUES ($1, $2, $3, $4, $5, 1, 'Pending', 'Expected', false, $3, $4, $4, 1)
                """, connection, transaction);
            insert.Parameters.AddWithValue(Guid.NewGuid());
            insert.Parameters.AddWithValue(doctorId);
            insert.Parameters.AddWithValue(patientId);
            insert.Parameters.AddWithValue(start.AddHours(i));
            insert.Parameters.AddWithValue(start.AddHours(i).AddMinutes(30));
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<IReadOnlyList<Slot>> FreeSlotsAsync(IServiceProvider services, IReadOnlyList<Guid> doctorIds, int count)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var free = new List<Slot>();
        foreach (var doctorId in doctorIds)
        {
            var availability = await services.GetRequiredService<AvailabilityQueries>().ForDoctorAsync(doctorId, today.AddDays(1), 58);
            free.AddRange(availability!.Slots.Where(s => s.IsBookable));
        }
        // Spread the bookings over doctors and days, like a real day's traffic.
        return [.. free.OrderBy(s => s.StartUtc.Ticks % 7919).Take(count + 1)];
    }

    private static async Task<IReadOnlyList<Clinic.Domain.Appointments.AppointmentActor>> PatientsAsync(IServiceProvider services, int count)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var role = new IdentityRole(ClinicRoles.Patient) { NormalizedName = ClinicRoles.Patient.ToUpperInvariant() };
        db.Roles.Add(role);
        var actors = new List<Clinic.Domain.Appointments.AppointmentActor>();
        for (var i = 0; i <= count; i++)
        {
            var user = new ClinicUser { UserName = $"booker{i}@bench.example", Email = $"booker{i}@bench.example", FullName = $"Booker {i}", CreatedUtc = DateTime.UtcNow };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            actors.Add(new(Actor.Of(user.Id, ClinicRoles.Patient), user.FullName, null));
        }
        await db.SaveChangesAsync();
        return actors;
    }
}
