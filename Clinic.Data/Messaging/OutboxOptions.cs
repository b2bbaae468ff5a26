using System.ComponentModel.DataAnnotations;
namespace Clinic.Data.Messaging;

/// <summary>How the outbox worker runs. Section <c>Clinic:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Clinic:Outbox";

    /// <summary>How often the worker looks for due messages when nobody woke it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Clinic:Outbox:PollInterval must be between 1 second and 1 hour.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a worker owns a message it is sending; after a crash another takes it once this has passed.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Clinic:Outbox:Lease must be between 10 seconds and 1 hour (longer than a send takes).")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 1000, ErrorMessage = "Clinic:Outbox:BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 20;

    /// <summary>Off in tests that drive the dispatcher themselves.</summary>
    public bool RunWorker { get; set; } = true;
}
