using System.Text.RegularExpressions;
using Clinic.Domain.Common;

namespace Clinic.Domain.Services;

/// <summary>What the owner sets for an appointment type; <see cref="DoctorIds"/> are the doctors who offer it.</summary>
public sealed record AppointmentTypeDetails(string Name, int DurationMinutes, decimal Price, string Colour, int BufferMinutes, bool IsOnline, bool IsActive,
    IReadOnlyList<Guid> DoctorIds);

/// <summary>
/// A type of visit the clinic offers (a consultation, an ECG): how long it takes, what it costs, the
/// time kept free after it, whether it happens online, and which doctors offer it. Patients choose
/// among the active types of the doctor they book.
/// </summary>
public sealed partial class MedicalService : Clinic.Domain.Events.RecordsEvents
{
    private readonly List<ServiceDoctor> doctors = [];

    private MedicalService() { }

    public Guid Id { get; private set; }
    public Guid ClinicId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public int DurationMinutes { get; private set; }
    public decimal Price { get; private set; }

    /// <summary>How the type shows in the agenda and the lists, as #RRGGBB.</summary>
    public string Colour { get; private set; } = DefaultColour;

    /// <summary>Minutes kept free after the visit (cleaning a room, writing up).</summary>
    public int BufferMinutes { get; private set; }
    public bool IsOnline { get; private set; }
    public bool IsActive { get; private set; } = true;
    public IReadOnlyList<ServiceDoctor> Doctors => doctors;

    public const string DefaultColour = "#00897B";
    public const int MaxBufferMinutes = 120;

    /// <summary>Whether a patient booking this doctor may choose this type.</summary>
    public bool OfferedBy(Guid doctorId) => IsActive && doctors.Any(d => d.DoctorId == doctorId);

    public static Result<MedicalService> Create(Guid clinicId, string name, int durationMinutes, decimal price) =>
        Create(clinicId, new AppointmentTypeDetails(name, durationMinutes, price, DefaultColour, 0, false, true, []));

    public static Result<MedicalService> Create(Guid clinicId, AppointmentTypeDetails details)
    {
        if (Problems(details) is { Count: > 0 } problems)
            return Result<MedicalService>.Failure([.. problems]);
        var service = new MedicalService { Id = RowIds.New(), ClinicId = clinicId };
        service.Apply(details);
        return Result<MedicalService>.Ok(service);
    }

    public Result Update(AppointmentTypeDetails details)
    {
        if (Problems(details) is { Count: > 0 } problems)
            return Result.Failure([.. problems]);
        Apply(details);
        return Result.Success;
    }

    /// <summary>Everything wrong with the details, in the owner's words; empty when they are fine.</summary>
    public static IReadOnlyList<string> Problems(AppointmentTypeDetails details)
    {
        var errors = new List<string>();
        Text.Required(errors, details.Name, "Name", 120);
        if (details.DurationMinutes is < 5 or > 480)
            errors.Add("Duration must be between 5 and 480 minutes.");
        if (details.Price < 0)
            errors.Add("Price cannot be negative.");
        if (details.Price > 10_000_000)
            errors.Add("Price is too large.");
        if (details.BufferMinutes is < 0 or > MaxBufferMinutes)
            errors.Add($"The time kept free after a visit must be between 0 and {MaxBufferMinutes} minutes.");
        if (!HexColour().IsMatch(details.Colour ?? string.Empty))
            errors.Add("Colour must be written as #RRGGBB, e.g. #1E88E5.");
        return errors;
    }

    private void Apply(AppointmentTypeDetails details)
    {
        Name = details.Name.Trim();
        DurationMinutes = details.DurationMinutes;
        Price = details.Price;
        Colour = details.Colour.ToUpperInvariant();
        BufferMinutes = details.BufferMinutes;
        IsOnline = details.IsOnline;
        IsActive = details.IsActive;
        var wanted = details.DoctorIds.Distinct().ToList();
        doctors.RemoveAll(d => !wanted.Contains(d.DoctorId));
        doctors.AddRange(wanted.Where(id => doctors.All(d => d.DoctorId != id)).Select(id => new ServiceDoctor(Id, id)));
        Happened(new Clinic.Domain.Events.AppointmentTypesChanged());
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColour();
}

/// <summary>A doctor who offers an appointment type.</summary>
public sealed class ServiceDoctor(Guid serviceId, Guid doctorId)
{
    public Guid ServiceId { get; private set; } = serviceId;
    public Guid DoctorId { get; private set; } = doctorId;
}
