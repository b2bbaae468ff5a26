using System.ComponentModel.DataAnnotations;
namespace Clinic.Data.Waitlist;

/// <summary>Section <c>Clinic:Waitlist</c>. The hold time of an offer is a clinic setting, not this.</summary>
public sealed class WaitlistOptions
{
    public const string Section = "Clinic:Waitlist";

    /// <summary>How often every waiting list is checked even without a signal.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Clinic:Waitlist:PollInterval must be between 1 second and 1 day.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Off in tests that drive the waitlist themselves.</summary>
    public bool RunWorker { get; set; } = true;
}
