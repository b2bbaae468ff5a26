namespace Clinic.Domain.Common;

/// <summary>The stable names of refusals that software reacts to (the API returns them in ProblemDetails).</summary>
public static class RefusalCodes
{
    public const string NotFound = "not_found";
    public const string Forbidden = "forbidden";
    public const string ChangedMeanwhile = "changed_meanwhile";
    public const string SlotFull = "slot_full";

    /// <summary>The time is free, but the chosen type of visit is longer than what is free from there.</summary>
    public const string DoesNotFit = "does_not_fit";
    public const string TooSoon = "too_soon";
    public const string OutsideWindow = "outside_window";
    public const string SlotDisabled = "slot_disabled";
    public const string InPast = "in_past";
    public const string DoctorAway = "doctor_away";
    public const string NoSuchSlot = "no_such_slot";
    public const string PatientBusy = "patient_busy";
    public const string InvalidState = "invalid_state";
    public const string TooLate = "too_late";
    public const string SlotBooked = "slot_booked";
    public const string PossibleDuplicate = "possible_duplicate";
}
