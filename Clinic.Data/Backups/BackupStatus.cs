namespace Clinic.Data.Backups;

/// <summary>
/// How the nightly copies are going, for <c>/healthz</c> and the owner's page: the last copy made, the
/// failure since it if any, and when the next is due. <see cref="Changed"/> tells an open page when a
/// copy was made or failed (the copies are this app's files, not clinic data: no clinic event carries them).
/// </summary>
public sealed class BackupStatus
{
    private volatile State state = new(null, null, null, null);

    private sealed record State(DateTime? LastCopyUtc, DateTime? FailedUtc, string? Failure, DateTime? NextUtc);

    public DateTime? LastCopyUtc => state.LastCopyUtc;

    /// <summary>When the worker makes its next copy (null before it has worked that out).</summary>
    public DateTime? NextUtc => state.NextUtc;

    /// <summary>When the latest attempt failed and why; null while the latest attempt succeeded (or none was made yet).</summary>
    public (DateTime AtUtc, string Reason)? Failure => state is { FailedUtc: { } at, Failure: { } reason } ? (at, reason) : null;

    public void Due(DateTime nextUtc) => state = state with { NextUtc = nextUtc };

    /// <summary>Raised after a copy was made or failed, on the thread that made it.</summary>
    public event Action? Changed;

    public void Copied(DateTime atUtc)
    {
        state = new State(atUtc, null, null, null);
        Changed?.Invoke();
    }

    public void Failed(DateTime atUtc, string reason)
    {
        state = state with { FailedUtc = atUtc, Failure = reason };
        Changed?.Invoke();
    }
}
