using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clinic.Data.Persistence;

/// <summary>Tells a <see cref="ClinicDbContext"/> that its transaction committed or rolled back, so it announces its facts or drops them.</summary>
internal sealed class AfterCommitInterceptor : DbTransactionInterceptor
{
    public static AfterCommitInterceptor Instance { get; } = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as ClinicDbContext)?.Committed();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as ClinicDbContext)?.Committed();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as ClinicDbContext)?.RolledBack();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as ClinicDbContext)?.RolledBack();
        return Task.CompletedTask;
    }
}
