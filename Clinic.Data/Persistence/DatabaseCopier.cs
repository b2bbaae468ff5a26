using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Clinic.Data.Persistence;

/// <summary>What a copy moved: rows per table.</summary>
public sealed record DatabaseCopied(IReadOnlyList<(string Table, int Rows)> Tables)
{
    public int Rows => Tables.Sum(t => t.Rows);
}

/// <summary>
/// Moves a clinic that started on SQLite to PostgreSQL: migrates the empty target, copies every
/// table (Identity included) in one transaction, parents before children, and the SQLite keys
/// folder into the shared key table so that signed-in people stay signed in. Refuses a target that
/// already holds data: a copy never merges two clinics.
/// </summary>
public sealed class DatabaseCopier(IDbContextFactory<ClinicDbContext> contexts, IOptions<StorageOptions> storage)
{
    private const int Batch = 1000;

    public async Task<DatabaseCopied> CopyToPostgresAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        if (storage.Value.Provider != StorageProviders.Sqlite)
            throw new InvalidOperationException("The copy reads the clinic's SQLite database: run it where Clinic:Storage:Provider is Sqlite.");
        await using var source = await contexts.CreateDbContextAsync(cancellationToken);
        if (!File.Exists(storage.Value.SqlitePath))
            throw new InvalidOperationException($"There is no SQLite database at {storage.Value.SqlitePath} to copy.");
        if ((await source.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            await source.Database.MigrateAsync(cancellationToken);

        await using var target = new PostgresClinicDbContext(new DbContextOptionsBuilder<ClinicDbContext>().UseNpgsql(connectionString).Options);
        await target.Database.MigrateAsync(cancellationToken);
        if (await FirstNonEmptyTableAsync(target, cancellationToken) is { } filled)
            throw new InvalidOperationException($"The PostgreSQL database already holds data (table {filled} has rows). Copy into a new, empty database.");

        var copied = new List<(string, int)>();
        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        foreach (var entityType in ParentsFirst(target.Model))
        {
            var rows = entityType.ClrType == typeof(DataProtectionKey)
                ? await CopyKeysAsync(source, target, cancellationToken)
                : await CopyTableAsync(entityType.ClrType, source, target, cancellationToken);
            copied.Add((entityType.GetTableName()!, rows));
        }
        await ResetIdentitySequencesAsync(target, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DatabaseCopied(copied);
    }

    private static readonly MethodInfo CopyRowsMethod = typeof(DatabaseCopier).GetMethod(nameof(CopyRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task<int> CopyTableAsync(Type clrType, ClinicDbContext source, ClinicDbContext target, CancellationToken cancellationToken) =>
        (Task<int>)CopyRowsMethod.MakeGenericMethod(clrType).Invoke(null, [source, target, cancellationToken])!;

    private static async Task<int> CopyRowsAsync<TEntity>(ClinicDbContext source, ClinicDbContext target, CancellationToken cancellationToken) where TEntity : class
    {
        var rows = 0;
        // Each table on its own: an appointment read without its seats, which are a table of their own.
        await foreach (var row in source.Set<TEntity>().AsNoTracking().IgnoreQueryFilters().IgnoreAutoIncludes().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            target.Set<TEntity>().Add(row);
            if (++rows % Batch == 0)
                await SaveBatchAsync(target, cancellationToken);
        }
        await SaveBatchAsync(target, cancellationToken);
        return rows;
    }

    private static async Task SaveBatchAsync(ClinicDbContext target, CancellationToken cancellationToken)
    {
        await target.SaveChangesAsync(cancellationToken);
        target.ChangeTracker.Clear();
    }

    /// <summary>The SQLite install keeps its keys as files beside the database; PostgreSQL keeps them in a table.</summary>
    private async Task<int> CopyKeysAsync(ClinicDbContext source, ClinicDbContext target, CancellationToken cancellationToken)
    {
        var rows = await CopyRowsAsync<DataProtectionKey>(source, target, cancellationToken);
        var folder = new DirectoryInfo(KeyStorage.SqliteKeyFolder(storage.Value));
        if (!folder.Exists)
            return rows;
        foreach (var file in folder.GetFiles("*.xml"))
        {
            target.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file.Name), Xml = await File.ReadAllTextAsync(file.FullName, cancellationToken) });
            rows++;
        }
        await SaveBatchAsync(target, cancellationToken);
        return rows;
    }

    private static async Task<string?> FirstNonEmptyTableAsync(ClinicDbContext target, CancellationToken cancellationToken)
    {
        foreach (var entityType in target.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var any = (Task<bool>)AnyMethod.MakeGenericMethod(entityType.ClrType).Invoke(null, [target, cancellationToken])!;
            if (await any)
                return entityType.GetTableName();
        }
        return null;
    }

    private static readonly MethodInfo AnyMethod = typeof(DatabaseCopier).GetMethod(nameof(AnyRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task<bool> AnyRowsAsync<TEntity>(ClinicDbContext db, CancellationToken cancellationToken) where TEntity : class =>
        db.Set<TEntity>().IgnoreQueryFilters().AnyAsync(cancellationToken);

    /// <summary>Tables in an order where every row's parent row is already there.</summary>
    private static List<IEntityType> ParentsFirst(IModel model)
    {
        var pending = model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).ToList();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var ready = pending.Where(e => e.GetForeignKeys().All(fk => fk.PrincipalEntityType == e || ordered.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
                throw new InvalidOperationException("The tables' foreign keys form a cycle; the copy needs an order.");
            ordered.AddRange(ready);
            pending.RemoveAll(ready.Contains);
        }
        return ordered;
    }

    /// <summary>Rows copied with their ids leave PostgreSQL's identity counters behind; move each past the largest id.</summary>
    private static async Task ResetIdentitySequencesAsync(ClinicDbContext target, CancellationToken cancellationToken)
    {
        foreach (var entityType in target.Model.GetEntityTypes())
        {
            var table = entityType.GetTableName();
            var key = entityType.FindPrimaryKey();
            if (table is null || key is not { Properties: [var id] } || id.ClrType != typeof(int) || id.ValueGenerated != ValueGenerated.OnAdd)
                continue;
            var column = id.GetColumnName();
            var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), GREATEST(COALESCE(MAX(\"{column}\"), 0), 1), MAX(\"{column}\") IS NOT NULL) FROM \"{table}\"";
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)target.Database.GetDbConnection(), (NpgsqlTransaction?)target.Database.CurrentTransaction?.GetDbTransaction());
            await command.ExecuteScalarAsync(cancellationToken);
        }
    }
}
