using Clinic.Domain.Common;

namespace Clinic.Domain.Clinics;

/// <summary>The booking rules the owner sets for the clinic, and the phone number patients are told to call when the rules stop them online.</summary>
public sealed record ClinicSettings(int BookingWindowDays, int MinimumNoticeHours, int CancellationCutoffHours, int ReminderLeadHours, int WaitlistHoldMinutes,
    string? Phone = null)
{
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BookingWindowDays is < 1 or > 366)
            errors.Add("The booking window must be between 1 and 366 days.");
        if (MinimumNoticeHours is < 0 or > 168)
            errors.Add("The minimum notice must be between 0 and 168 hours.");
        if (CancellationCutoffHours is < 0 or > 168)
            errors.Add("The cancellation cut-off must be between 0 and 168 hours.");
        if (ReminderLeadHours is < 1 or > 168)
            errors.Add("The reminder lead time must be between 1 and 168 hours.");
        if (WaitlistHoldMinutes is < 5 or > 1440)
            errors.Add("A waitlist offer must be held between 5 and 1440 minutes.");
        if (PhoneNumber.OptionalProblem(Phone) is { } phone)
            errors.Add(phone);
        return errors;
    }
}
