namespace Clinic.Data.Overview;

/// <summary>The clinic and the size of its team, for the home pages.</summary>
public sealed record ClinicSummary(
    Guid ClinicId,
    string Name,
    string Address,
    string TimeZoneId,
    string Currency,
    int Doctors,
    int Staff,
    int Patients,
    int Services)
{
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? OpeningHours { get; init; }
    public string? LogoUrl { get; init; }

    /// <summary>The language the clinic opens in for whoever has not chosen one.</summary>
    public string Language { get; init; } = Clinic.Domain.Clinics.ClinicProfile.English;
}
