using Clinic.Domain.Common;

namespace Clinic.Domain.Appointments;

/// <summary>How an action stands for one person at one moment.</summary>
public enum ActionAvailability
{
    /// <summary>They may do it now.</summary>
    Allowed,

    /// <summary>Their role may, but not at this moment (too close to the start, or before it): show it disabled, with the reason.</summary>
    NotNow,

    /// <summary>Not for them, or not in this state: nothing to show.</summary>
    NotApplicable,
}

/// <summary>One action's answer, with the reason and the refusal code when it is refused.</summary>
public sealed record ActionVerdict(AppointmentAction Action, ActionAvailability Availability, string? Code = null, string? Reason = null)
{
    public bool IsAllowed => Availability == ActionAvailability.Allowed;

    /// <summary>Whether a page shows the action at all (enabled or disabled).</summary>
    public bool Shows => Availability != ActionAvailability.NotApplicable;

    public Result ToResult() => IsAllowed ? Result.Success : Result.Refused(Code!, Reason!);
}

/// <summary>
/// What a person may do with an appointment now, each refusal with its reason. Pages render their
/// buttons from it and the API returns it; the transitions themselves check the same rules.
/// </summary>
public sealed record AllowedActions(IReadOnlyList<ActionVerdict> Verdicts)
{
    public ActionVerdict this[AppointmentAction action] =>
        Verdicts.FirstOrDefault(v => v.Action == action) ?? new ActionVerdict(action, ActionAvailability.NotApplicable);

    public bool Can(AppointmentAction action) => this[action].IsAllowed;

    public bool Shows(AppointmentAction action) => this[action].Shows;

    /// <summary>
    /// When cancelling and moving are both refused for the cut-off: the two reasons as one sentence,
    /// for a page that says it once beside the clinic's number; null otherwise.
    /// </summary>
    public string? TooLateToChange { get; init; }
}
