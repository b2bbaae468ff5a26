using Clinic.Data;
using Clinic.Data.Identity;
using Clinic.Data.Persistence;
using Clinic.Data.Seeding;
using Clinic.Domain.Events;
using Clinic.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Tests.Support;

/// <summary>
/// The data layer alone on a fresh SQLite file, migrated, with roles and (optionally) the demo
/// clinic: what the use cases run against in production, minus the web app.
/// </summary>
public sealed class DataHarness(bool seedDemo = true, IDictionary<string, string?>? settings = null,
    Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? interceptor = null) : IAsyncLifetime
{
    public DataHarness() : this(true)
    {
    }

    /// <summary>The database of another harness, shared as a second app instance shares it; this one neither migrates nor seeds.</summary>
    private DataHarness? sharing;

    /// <summary>A second app instance on <paramref name="first"/>'s database, with its own services and the same clock time.</summary>
    public static async Task<DataHarness> SecondInstanceAsync(DataHarness first)
    {
        var second = new DataHarness(seedDemo: false) { sharing = first };
        second.Clock.SetUtcNow(first.Clock.GetUtcNow());
        await second.InitializeAsync();
        return second;
    }

    private readonly string root = Directory.CreateTempSubdirectory("clinic-data-").FullName;
    private ServiceProvider? provider;
    private TestDatabase? database;

    /// <summary>The database under test (SQLite, or PostgreSQL when the suite runs on it).</summary>
    public TestDatabase Database => database!;

    public RecordingEvents Events { get; } = new();

    /// <summary>Set before <see cref="InitializeAsync"/>: committed facts also reach this hub, as in the app (for component tests).</summary>
    public IClinicEvents? LiveHub { get; init; }

    private sealed class Relay(IClinicEvents first, IClinicEvents second) : IClinicEvents
    {
        public void Publish(ClinicEvent clinicEvent)
        {
            first.Publish(clinicEvent);
            second.Publish(clinicEvent);
        }
    }
    public RecordingSender Mail { get; } = new();

    /// <summary>The clinic's text-message gateway: off unless a test turns it on (<see cref="RecordingTextMessages.Sends"/>).</summary>
    public RecordingTextMessages Texts { get; } = new();
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    public const string DemoPassword = "Harness-Demo-2026";

    public IServiceProvider Services => provider!;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        database = sharing?.Database
            ?? TestDatabase.Create(root, settings?.TryGetValue("Clinic:Storage:Provider", out var named) == true ? named! : TestDatabase.SuiteProvider);
        var values = new Dictionary<string, string?>(database.Settings)
        {
            ["Clinic:DemoData:Password"] = DemoPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IClinicEvents>(LiveHub is null ? Events : new Relay(Events, LiveHub));
        services.AddSingleton<Clinic.Data.Messaging.IOutboxSender>(Mail);
        services.AddSingleton<Clinic.Data.Messaging.ITextMessageSender>(Texts);
        if (interceptor is not null)
            services.AddSingleton(interceptor);
        services.AddClinicData(configuration, root);
        services.UseTestPasswordCost();
        provider = services.BuildServiceProvider();
        if (sharing is not null)
            return;
        await Get<DatabaseInitializer>().MigrateAsync();
        await Get<RoleSetup>().EnsureRolesAsync();
        if (seedDemo)
            await Get<DemoClinicSeeder>().SeedAsync();
    }

    public async Task<Actor> ActorAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        return new Actor(user.Id, (await users.GetRolesAsync(user)).ToHashSet());
    }

    /// <summary>The profile id of a demo doctor, by email.</summary>
    public async Task<Guid> DoctorIdAsync(string email)
    {
        await using var db = await Get<Microsoft.EntityFrameworkCore.IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var user = db.Users.Single(u => u.Email == email);
        return db.Doctors.Single(d => d.UserId == user.Id).Id;
    }

    /// <summary>Puts seat-holding bookings straight into the database, as the booking use case will.</summary>
    public async Task BookAsync(Guid doctorId, DateTime startUtc, int seats = 1, int minutes = 30, string patientEmail = "ayesha@patients.example")
    {
        await using var db = await Get<Microsoft.EntityFrameworkCore.IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var patient = db.Users.Single(u => u.Email == patientEmail);
        var taken = db.Appointments.Count(a => a.DoctorId == doctorId && a.StartUtc == startUtc);
        for (var seat = taken + 1; seat <= taken + seats; seat++)
            db.Appointments.Add(Clinic.Domain.Appointments.Appointment.Request(doctorId, patient.Id, startUtc, startUtc.AddMinutes(minutes), seat, Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }

    /// <summary>Many patients at once, straight into the store (no password: they only book in tests).</summary>
    public async Task<IReadOnlyList<Actor>> CreatePatientsAsync(int count)
    {
        await using var db = await Get<Microsoft.EntityFrameworkCore.IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var roleId = db.Roles.Single(r => r.Name == ClinicRoles.Patient).Id;
        var actors = new List<Actor>();
        for (var i = 0; i < count; i++)
        {
            var user = new ClinicUser { UserName = $"racer{i}-{Guid.NewGuid():N}@patients.example", FullName = $"Racer {i}", IsActive = true };
            user.Email = user.UserName;
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            actors.Add(Actor.Of(user.Id, ClinicRoles.Patient));
        }
        await db.SaveChangesAsync();
        return actors;
    }

    public async Task DisposeAsync()
    {
        if (provider is not null)
            await provider.DisposeAsync();
        if (database is not null && sharing is null)
            await database.DisposeAsync();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
