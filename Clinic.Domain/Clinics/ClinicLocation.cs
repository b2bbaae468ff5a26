using Clinic.Domain.Common;
using Clinic.Domain.Scheduling;

namespace Clinic.Domain.Clinics;

/// <summary>
/// A clinic location. Slot times are wall-clock times in its IANA time zone; instants are UTC.
/// </summary>
public sealed class ClinicLocation
{
    private ClinicLocation() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Address { get; private set; } = string.Empty;
    public string TimeZoneId { get; private set; } = string.Empty;

    /// <summary>How many days ahead patients may book.</summary>
    public int BookingWindowDays { get; private set; } = 60;

    /// <summary>No booking less than this many hours before the start.</summary>
    public int MinimumNoticeHours { get; private set; } = 2;

    /// <summary>Patients may cancel or move online until this many hours before the start.</summary>
    public int CancellationCutoffHours { get; private set; } = 24;

    /// <summary>Confirmed appointments get a reminder this many hours before the start.</summary>
    public int ReminderLeadHours { get; private set; } = 24;

    /// <summary>How long a seat offered to the waitlist is held for the patient to accept.</summary>
    public int WaitlistHoldMinutes { get; private set; } = 30;

    /// <summary>The number patients call (shown wherever the rules stop them online); none until the owner gives it.</summary>
    public string? Phone { get; private set; }

    public SchedulingPolicy Policy => new(BookingWindowDays, MinimumNoticeHours);

    public ClinicSettings Settings => new(BookingWindowDays, MinimumNoticeHours, CancellationCutoffHours, ReminderLeadHours, WaitlistHoldMinutes, Phone);

    /// <summary>ISO 4217 code the clinic charges in, e.g. BDT.</summary>
    public string Currency { get; private set; } = "BDT";

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public static Result<ClinicLocation> Create(string name, string address, string timeZoneId, string currency = "BDT")
    {
        var errors = Validate(name, address, timeZoneId);
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
            errors.Add("Currency must be a three-letter code such as BDT or EUR.");
        if (errors.Count > 0)
            return Result<ClinicLocation>.Failure([.. errors]);
        return Result<ClinicLocation>.Ok(new ClinicLocation
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            Address = address.Trim(),
            TimeZoneId = timeZoneId.Trim(),
            Currency = currency,
        });
    }

    public Result UpdatePolicy(int bookingWindowDays, int minimumNoticeHours) =>
        UpdateSettings(Settings with { BookingWindowDays = bookingWindowDays, MinimumNoticeHours = minimumNoticeHours });

    public Result UpdateSettings(ClinicSettings settings)
    {
        var errors = settings.Validate();
        if (errors.Count > 0)
            return Result.From(errors);
        (BookingWindowDays, MinimumNoticeHours, CancellationCutoffHours, ReminderLeadHours, WaitlistHoldMinutes) =
            (settings.BookingWindowDays, settings.MinimumNoticeHours, settings.CancellationCutoffHours, settings.ReminderLeadHours, settings.WaitlistHoldMinutes);
        Phone = string.IsNullOrWhiteSpace(settings.Phone) ? null : settings.Phone.Trim();
        return Result.Success;
    }

    public Result Update(string name, string address, string timeZoneId)
    {
        var errors = Validate(name, address, timeZoneId);
        if (errors.Count > 0)
            return Result.From(errors);
        Name = name.Trim();
        Address = address.Trim();
        TimeZoneId = timeZoneId.Trim();
        return Result.Success;
    }

    private static List<string> Validate(string name, string address, string timeZoneId)
    {
        var errors = new List<string>();
        Text.Required(errors, name, "Clinic name", 120);
        Text.Required(errors, address, "Address", 300);
        if (!IsIanaZone(timeZoneId))
            errors.Add($"'{timeZoneId}' is not a known IANA time zone (for example Asia/Dhaka or Europe/Paris).");
        return errors;
    }

    public static bool IsIanaZone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId)
        && timeZoneId.Contains('/')
        && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId.Trim(), out _);
}
