namespace Clinic.Data.Backups;

/// <summary>
/// How the nightly copies are going, for <c>/healthz</c> and the owner's page: the last copy made, the
/// failure since it if any, and when the next is due. <see cref="Changed"/> tells an open page when a
/// copy was made or failed, or the folder of copies changed (the copies are this app's files, not clinic data:
/// no clinic event carries them).
/// </summary>
public sealed class BackupStatus
{
    private readonly Lock writing = new();
    private volatile State state = new(null, null, null, null);

    private sealed record State(DateTime? LastCopyUtc, DateTime? FailedUtc, string? Failure, DateTime? NextUtc);

    public DateTime? LastCopyUtc => state.LastCopyUtc;

    /// <summary>When the worker makes its next copy (null before it has worked that out).</summary>
    public DateTime? NextUtc => state.NextUtc;

    /// <summary>When the latest attempt failed and why; null while the latest attempt succeeded (or none was made yet).</summary>
    public (DateTime AtUtc, string Reason)? Failure => state is { FailedUtc: { } at, Failure: { } reason } ? (at, reason) : null;

    public void Due(DateTime nextUtc)
    {
        lock (writing)
            state = state with { NextUtc = nextUtc };
    }

    /// <summary>Raised after a copy was made or failed, or the folder of copies changed, on the thread that saw it.</summary>
    public event Action? Changed;

    public void Copied(DateTime atUtc)
    {
        lock (writing)
            state = new State(atUtc, null, null, null);
        Changed?.Invoke();
    }

    public void Failed(DateTime atUtc, string reason)
    {
        lock (writing)
            state = state with { FailedUtc = atUtc, Failure = reason };
        Changed?.Invoke();
    }

    /// <summary>
    /// The folder of copies changed (<see cref="BackupFolderWatcher"/>); <paramref name="newestUtc"/> is its newest copy.
    /// A copy newer than a failed try, made by the <c>backup</c> command say, means the data has a fresh copy again.
    /// </summary>
    public void Found(DateTime? newestUtc)
    {
        lock (writing)
        {
            if (newestUtc is { } newest && (state.LastCopyUtc is null || newest > state.LastCopyUtc))
                state = state.FailedUtc < newest ? state with { LastCopyUtc = newest, FailedUtc = null, Failure = null } : state with { LastCopyUtc = newest };
        }
        Changed?.Invoke();
    }
}
