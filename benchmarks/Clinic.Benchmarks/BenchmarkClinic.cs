using Clinic.Data;
using Clinic.Data.Identity;
using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Clinic.Domain.Doctors;
using Clinic.Domain.Events;
using Clinic.Domain.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Benchmarks;

/// <summary>
/// A large clinic in a temporary SQLite file: 100 doctors working five days a week, 09:00–17:00 in
/// 30-minute slots, a day off each, and 20,000 bookings spread over the next 60 days.
/// </summary>
public sealed class BenchmarkClinic : IAsyncDisposable
{
    public const int DoctorCount = 100;
    public const int BookingCount = 20_000;

    public string DatabasePath => Path.Combine(root, "clinic.db");

    private readonly string root = Directory.CreateTempSubdirectory("clinic-bench-").FullName;

    public ServiceProvider Services { get; }

    /// <summary>Records the statements EF sends while asked to (to replay a booking's work without EF).</summary>
    public StatementRecorder Statements { get; } = new();

    public CommitClock Commits { get; } = new();
    public IReadOnlyList<Guid> DoctorIds { get; private set; } = [];

    /// <summary>PostgreSQL's connection string when the clinic lives there; null on SQLite.</summary>
    public string? PostgresConnectionString { get; }

    /// <summary>The settings that point the app process at this clinic's database.</summary>
    public IReadOnlyDictionary<string, string> AppSettings => PostgresConnectionString is null
        ? new Dictionary<string, string> { ["Clinic__Storage__SqlitePath"] = DatabasePath }
        : new Dictionary<string, string> { ["Clinic__Storage__Provider"] = "Postgres", ["ConnectionStrings__Clinic"] = PostgresConnectionString };

    /// <param name="postgresConnectionString">An empty PostgreSQL database to build the clinic in; null for a temporary SQLite file.</param>
    public BenchmarkClinic(string? postgresConnectionString = null)
    {
        PostgresConnectionString = postgresConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clinic:Storage:SqlitePath"] = Path.Combine(root, "clinic.db"),
            ["Clinic:Storage:Provider"] = postgresConnectionString is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Clinic"] = postgresConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IClinicEvents, NoEvents>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Statements);
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Commits);
        services.AddClinicData(configuration, root);
        Services = services.BuildServiceProvider();
    }

    public async Task SeedAsync()
    {
        await Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        await using var db = await Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var clinic = ClinicLocation.Create("Benchmark Hospital", "Dhaka", "Asia/Dhaka").Value!;
        db.Clinics.Add(clinic);

        var random = new Random(20261123);
        var doctors = new List<DoctorProfile>();
        var days = new[] { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Saturday };
        for (var i = 0; i < DoctorCount; i++)
        {
            var user = new ClinicUser { UserName = $"doctor{i}@bench.example", Email = $"doctor{i}@bench.example", FullName = $"Dr. Bench {i:000}", CreatedUtc = DateTime.UtcNow };
            db.Users.Add(user);
            var doctor = DoctorProfile.Create(user.Id, clinic.Id, new DoctorProfileDetails($"Dr. Bench {i:000}", "Medicine", 5, 500m, "Dhaka", 30, null)).Value!;
            doctors.Add(doctor);
            db.Doctors.Add(doctor);
            foreach (var day in days.Where((_, index) => index != i % days.Length))
                db.WeeklyRules.Add(WeeklyRule.Create(doctor.Id, new WeeklyRuleDetails(day, new TimeOnly(9, 0), new TimeOnly(17, 0), 30, 1)).Value!);
        }
        var patients = Enumerable.Range(0, 200).Select(i => new ClinicUser
        {
            UserName = $"patient{i}@bench.example", Email = $"patient{i}@bench.example", FullName = $"Patient {i}", CreatedUtc = DateTime.UtcNow,
        }).ToList();
        db.Users.AddRange(patients);
        await db.SaveChangesAsync();

        // Book distinct slots: a random doctor, day (1–60 ahead) and half hour between 09:00 and 17:00 Dhaka.
        var taken = new HashSet<(Guid, DateTime)>();
        var today = DateTime.UtcNow.Date;
        while (taken.Count < BookingCount)
        {
            var doctor = doctors[random.Next(doctors.Count)];
            var start = today.AddDays(random.Next(1, 61)).AddHours(3).AddMinutes(30 * random.Next(16)); // 09:00 Dhaka is 03:00 UTC
            if (!taken.Add((doctor.Id, start)))
                continue;
            db.Appointments.Add(Appointment.Request(doctor.Id, patients[random.Next(patients.Count)].Id, start, start.AddMinutes(30), 1, DateTime.UtcNow));
        }
        await db.SaveChangesAsync();
        DoctorIds = [.. doctors.Select(d => d.Id)];
    }

    /// <summary>One doctor with ten seats per half hour, 09:00–17:00 every day, and <paramref name="bookings"/> bookings over the next 60 days.</summary>
    public async Task<Guid> AddBusyDoctorAsync(int bookings)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var clinic = await db.Clinics.FirstAsync();
        var user = new ClinicUser { UserName = "busy@bench.example", Email = "busy@bench.example", FullName = "Dr. Busy", CreatedUtc = DateTime.UtcNow };
        db.Users.Add(user);
        var doctor = DoctorProfile.Create(user.Id, clinic.Id, new DoctorProfileDetails("Dr. Busy", "Medicine", 20, 800m, "Dhaka", 30, null)).Value!;
        db.Doctors.Add(doctor);
        foreach (var day in Enum.GetValues<DayOfWeek>())
            db.WeeklyRules.Add(WeeklyRule.Create(doctor.Id, new WeeklyRuleDetails(day, new TimeOnly(9, 0), new TimeOnly(17, 0), 30, 10)).Value!);
        var patients = await db.Users.Where(u => u.Email!.StartsWith("patient")).Select(u => u.Id).ToListAsync();
        var random = new Random(6000);
        var seats = new Dictionary<DateTime, int>();
        var today = DateTime.UtcNow.Date;
        while (seats.Values.Sum() < bookings)
        {
            var start = today.AddDays(random.Next(1, 61)).AddHours(3).AddMinutes(30 * random.Next(16));
            var seat = seats.GetValueOrDefault(start) + 1;
            if (seat > 10)
                continue;
            seats[start] = seat;
            db.Appointments.Add(Appointment.Request(doctor.Id, patients[random.Next(patients.Count)], start, start.AddMinutes(30), seat, DateTime.UtcNow));
        }
        await db.SaveChangesAsync();
        return doctor.Id;
    }

    /// <summary>Patients who can sign in (for the API's bearer tokens).</summary>
    public async Task<IReadOnlyList<string>> AddSignInPatientsAsync(int count, string password)
    {
        await Services.GetRequiredService<Clinic.Data.Seeding.RoleSetup>().EnsureRolesAsync();
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ClinicUser>>();
        var emails = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var email = $"loader{i}@bench.example";
            var user = new ClinicUser { UserName = email, Email = email, EmailConfirmed = true, FullName = $"Loader {i}", IsActive = true, CreatedUtc = DateTime.UtcNow };
            await users.CreateAsync(user, password);
            await users.AddToRoleAsync(user, Clinic.Domain.Identity.ClinicRoles.Patient);
            emails.Add(email);
        }
        return emails;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    private sealed class NoEvents : IClinicEvents
    {
        public void Publish(ClinicEvent clinicEvent) { }
    }
}
