using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Data.Persistence;

/// <summary>
/// Where the keys that protect cookies and antiforgery tokens live. On PostgreSQL, in its
/// <c>DataProtectionKeys</c> table, so every app instance reads what another issued. On SQLite (one
/// machine by design) in a <c>keys</c> folder beside the database file: a key is created inside
/// whatever request first needs one, and SQLite's single writer would make that request wait for
/// its own transaction.
/// </summary>
internal sealed class KeyStorage(IServiceProvider services, IOptions<StorageOptions> storage, ILoggerFactory loggers) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options) =>
        options.XmlRepository = Repository(storage.Value);

    private IXmlRepository Repository(StorageOptions storage) => storage.Provider == StorageProviders.Postgres
        ? new EntityFrameworkCoreXmlRepository<ClinicDbContext>(services, loggers)
        : new FileSystemXmlRepository(new DirectoryInfo(SqliteKeyFolder(storage)), loggers);

    public static string SqliteKeyFolder(StorageOptions storage) =>
        Path.Combine(Path.GetDirectoryName(storage.SqlitePath) ?? ".", "keys");
}
