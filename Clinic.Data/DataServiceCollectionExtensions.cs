using Clinic.Data.Doctors;
using Clinic.Data.Identity;
using Clinic.Data.Overview;
using Clinic.Data.Patients;
using Clinic.Data.Persistence;
using Clinic.Data.Seeding;
using Clinic.Data.Team;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The database, Identity's store and the use cases.</summary>
    /// <param name="contentRoot">Relative database paths are taken from here.</param>
    public static IServiceCollection AddClinicData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClinicSetupOptions>().Bind(configuration.GetSection(ClinicSetupOptions.Section));
        services.AddOptions<DemoDataOptions>().Bind(configuration.GetSection(DemoDataOptions.Section));
        services.TryAddTimeProvider();

        // The factory also registers ClinicDbContext as scoped, which Identity's stores use per request.
        services.AddDbContextFactory<ClinicDbContext>((provider, options) =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            ConfigureProvider(options, storage, contentRoot);
        });

        services.AddSingleton<IdentityWork>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<RoleSetup>();
        services.AddSingleton<InitialSetup>();
        services.AddSingleton<DemoClinicSeeder>();
        services.AddSingleton<DoctorDirectory>();
        services.AddSingleton<ClinicOverview>();
        services.AddSingleton<TeamAdministration>();
        services.AddSingleton<PatientAccounts>();
        return services;
    }

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
                options.UseSqlite(connection).AddInterceptors(new SqliteBusyTimeoutInterceptor(storage.BusyTimeoutSeconds));
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
