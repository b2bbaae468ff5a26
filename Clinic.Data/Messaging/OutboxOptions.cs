namespace Clinic.Data.Messaging;

/// <summary>How the outbox worker runs. Section <c>Clinic:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Clinic:Outbox";

    /// <summary>How often the worker looks for due messages when nobody woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a worker owns a message it is sending; after a crash another takes it once this has passed.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 20;

    /// <summary>Off in tests that drive the dispatcher themselves.</summary>
    public bool RunWorker { get; set; } = true;
}
