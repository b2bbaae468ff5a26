using Clinic.Domain.Common;

namespace Clinic.Domain.Services;

/// <summary>Something the clinic offers (a consultation, a test): optional on a booking.</summary>
public sealed class MedicalService
{
    private MedicalService() { }

    public Guid Id { get; private set; }
    public Guid ClinicId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public int DurationMinutes { get; private set; }
    public decimal Price { get; private set; }

    public static Result<MedicalService> Create(Guid clinicId, string name, int durationMinutes, decimal price)
    {
        var errors = new List<string>();
        Text.Required(errors, name, "Service name", 120);
        if (durationMinutes is < 5 or > 480)
            errors.Add("Duration must be between 5 and 480 minutes.");
        if (price < 0)
            errors.Add("Price cannot be negative.");
        if (errors.Count > 0)
            return Result<MedicalService>.Failure([.. errors]);
        return Result<MedicalService>.Ok(new MedicalService
        {
            Id = Guid.NewGuid(),
            ClinicId = clinicId,
            Name = name.Trim(),
            DurationMinutes = durationMinutes,
            Price = price,
        });
    }
}
