using Clinic.Data.Booking;
using Clinic.Data.Chat;
using Clinic.Data.Doctors;
using Clinic.Data.Identity;
using Clinic.Data.Messaging;
using Clinic.Data.Notifications;
using Clinic.Data.Overview;
using Clinic.Data.Patients;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Data.Seeding;
using Clinic.Data.Team;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clinic.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The database, Identity's store and the use cases.</summary>
    /// <param name="contentRoot">Relative database paths are taken from here.</param>
    public static IServiceCollection AddClinicData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddCheckedOptions<StorageOptions>(configuration, StorageOptions.Section)
            .Configure(storage => storage.ConnectionString ??= configuration.GetConnectionString(StorageProviders.ConnectionStringName))
            .PostConfigure(storage => storage.SqlitePath = Path.GetFullPath(Path.Combine(contentRoot, storage.SqlitePath)))
            .Validate(storage => storage.Provider != StorageProviders.Postgres || !string.IsNullOrWhiteSpace(storage.ConnectionString),
                "Clinic:Storage:Provider is 'Postgres' but ConnectionStrings:Clinic is empty: give PostgreSQL's connection string.");
        services.AddCheckedOptions<ClinicSetupOptions>(configuration, ClinicSetupOptions.Section);
        services.AddCheckedOptions<DemoDataOptions>(configuration, DemoDataOptions.Section);
        services.TryAddTimeProvider();

        // Contexts come from a pool of the configured engine's subclass (a context's set-up is most of a
        // small query's cost); use cases ask for ClinicDbContext. Identity's stores get one per request.
        void Configure(IServiceProvider provider, DbContextOptionsBuilder options)
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            ConfigureProvider(options, storage, contentRoot);
            options.AddInterceptors(AfterCommitInterceptor.Instance);
            // Interceptors registered by the host (diagnostics, tests) apply to every context.
            options.AddInterceptors(provider.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        }
        services.AddPooledDbContextFactory<SqliteClinicDbContext>(Configure);
        services.AddPooledDbContextFactory<PostgresClinicDbContext>(Configure);
        services.AddSingleton<IDbContextFactory<ClinicDbContext>, ClinicDbContextFactory>();
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContext());

        AddIdentityStore(services);
        services.AddSingleton<IdentityWork>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DatabaseCopier>();
        services.AddCheckedOptions<Clinic.Data.Backups.BackupOptions>(configuration, Clinic.Data.Backups.BackupOptions.Section);
        services.AddSingleton<Clinic.Data.Backups.DatabaseBackups>();
        services.AddSingleton<Clinic.Data.Backups.BackupStatus>();
        services.AddSingleton<RoleSetup>();
        services.AddSingleton<InitialSetup>();
        services.AddSingleton<DemoClinicSeeder>();
        services.AddSingleton<DemoActivitySeeder>();
        services.AddSingleton<DoctorDirectory>();
        services.AddSingleton<ClinicOverview>();
        services.AddSingleton<TeamAdministration>();
        services.AddSingleton<PatientAccounts>();
        services.AddSingleton<PatientFiles>();
        services.AddSingleton<PatientRecords>();
        services.AddSingleton<Clinic.Data.Agenda.AgendaQueries>();
        services.AddSingleton<RefreshTokens>();
        services.AddSingleton<SharedReads>();
        services.AddSingleton<AvailabilityAnswers>();
        services.AddSingleton<AfterCommit>();
        services.AddSingleton<AvailabilityQueries>();
        services.AddSingleton<ScheduleEditor>();
        services.AddSingleton<AppointmentActors>();
        services.AddMetrics();
        services.AddSingleton<SeatRaces>();
        services.AddSingleton<BookingService>();
        services.AddSingleton<AppointmentQueries>();
        services.AddSingleton<Clinic.Data.Payments.TakingsQueries>();
        services.AddSingleton<Clinic.Data.Types.AppointmentTypes>();
        services.AddSingleton<Clinic.Data.Branches.BranchAdministration>();
        services.AddSingleton<ClinicProfileEditor>();
        services.AddSingleton<Clinic.Data.Series.SeriesBooking>();
        services.AddSingleton<Clinic.Data.Series.SeriesChanges>();
        services.AddSingleton<Clinic.Data.Images.PictureUploads>();
        services.AddSingleton<NotificationCenter>();
        services.AddSingleton<ClinicSettingsEditor>();

        services.AddCheckedOptions<ChatOptions>(configuration, ChatOptions.Section);
        services.AddSingleton<ChatRateLimiter>();
        services.AddSingleton<Conversations>();
        services.AddSingleton<Clinic.Data.Feeds.CalendarFeeds>();

        services.AddCheckedOptions<Clinic.Data.Waitlist.WaitlistOptions>(configuration, Clinic.Data.Waitlist.WaitlistOptions.Section);
        services.AddSingleton<Clinic.Data.Waitlist.WaitlistSignal>();
        services.AddSingleton<Clinic.Data.Waitlist.WaitlistService>();

        services.AddCheckedOptions<OutboxOptions>(configuration, OutboxOptions.Section);
        services.AddCheckedOptions<Clinic.Data.Booking.OnlineVisitOptions>(configuration, Clinic.Data.Booking.OnlineVisitOptions.Section);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        // The web app puts the clinic's gateway here when it has one.
        services.TryAddSingleton<ITextMessageSender, NoTextMessages>();
        services.AddSingleton<DeliveryLog>();
        return services;
    }

    /// <summary>Identity's users, roles and tokens on the clinic database, with the clinic's account rules.</summary>
    private static void AddIdentityStore(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Clinic");
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>, KeyStorage>();
        services.AddIdentityCore<ClinicUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                // A patient who registers proves the address before signing in; the team and the owner are created confirmed.
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                // Length and a breached-password check, no composition rules (OWASP ASVS 5.0 V6).
                options.Password.RequiredLength = Clinic.Domain.Identity.PasswordRules.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // Five wrong passwords in a row lock the account for 15 minutes.
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<ClinicClaimsFactory>()
            .AddPasswordValidator<ClinicPasswordValidator>()
            .AddEntityFrameworkStores<ClinicDbContext>()
            .AddDefaultTokenProviders();
        // In place of Identity's own user validator, not beside it: a walk-in's record may have no email.
        services.Replace(ServiceDescriptor.Scoped<IUserValidator<ClinicUser>, ClinicUserValidator>());
    }

    // One statement per query: an appointment comes with its history and seats (a few rows each). The
    // schedule reads, whose rules, exceptions and switches would multiply over a month, split themselves.
    private const QuerySplittingBehavior QueryShape = QuerySplittingBehavior.SingleQuery;

    internal static void ConfigureProvider(DbContextOptionsBuilder options, StorageOptions storage, string contentRoot)
    {
        switch (storage.Provider)
        {
            case StorageProviders.Sqlite:
                var path = Path.GetFullPath(Path.Combine(contentRoot, storage.SqlitePath));
                var connection = new SqliteConnectionStringBuilder
                {
                    DataSource = path,
                    DefaultTimeout = storage.BusyTimeoutSeconds,
                    Pooling = true,
                }.ToString();
                options.UseSqlite(connection, sqlite => sqlite.UseQuerySplittingBehavior(QueryShape))
                    .AddInterceptors(new SqliteBusyTimeoutInterceptor(storage.BusyTimeoutSeconds));
                break;
            case StorageProviders.Postgres:
                options.UseNpgsql(PostgresConnection.WithDefaults(storage.ConnectionString!), npgsql => npgsql.UseQuerySplittingBehavior(QueryShape));
                break;
            default:
                throw new InvalidOperationException($"Unknown Clinic:Storage:Provider '{storage.Provider}'.");
        }
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider)))
            services.AddSingleton(TimeProvider.System);
    }
}
