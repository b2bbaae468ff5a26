using Clinic.Domain.Common;
using Clinic.Domain.Scheduling;

namespace Clinic.Domain.Clinics;

/// <summary>
/// A clinic location. Slot times are wall-clock times in its IANA time zone; instants are UTC.
/// </summary>
public sealed class ClinicLocation : Clinic.Domain.Events.RecordsEvents
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

    /// <summary>Where patients write to the clinic; none until the owner gives it.</summary>
    public string? Email { get; private set; }

    /// <summary>The opening hours as the clinic words them ("Saturday–Thursday 09:00–22:00, Friday closed").</summary>
    public string? OpeningHours { get; private set; }

    /// <summary>The clinic's logo, an image stored with the clinic's data; none until the owner uploads one.</summary>
    public Guid? LogoImageId { get; private set; }

    /// <summary>The language the clinic opens in for someone who has not chosen one (<see cref="ClinicProfile.Language"/>).</summary>
    public string Language { get; private set; } = ClinicProfile.English;

    public ClinicProfile Profile => new(Name, Address, Phone, Email, OpeningHours, Language);

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

    /// <summary>Name, address, phone, email, opening hours and language, as the owner presents the clinic.</summary>
    public Result UpdateProfile(ClinicProfile profile)
    {
        if (profile.Problems() is { Count: > 0 } problems)
            return Result.From(problems);
        Name = profile.Name.Trim();
        Address = profile.Address.Trim();
        Phone = Clean(profile.Phone);
        Email = Clean(profile.Email);
        OpeningHours = Clean(profile.OpeningHours);
        Language = profile.Language;
        Happened(new Clinic.Domain.Events.ClinicProfileChanged());
        return Result.Success;
    }

    /// <summary>A new logo (or none); the caller stores the image and removes the old one.</summary>
    public void ChangeLogo(Guid? imageId)
    {
        LogoImageId = imageId;
        Happened(new Clinic.Domain.Events.ClinicProfileChanged());
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

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
