namespace Clinic.Data.Doctors;

/// <summary>What a visitor sees of a doctor.</summary>
public sealed record DoctorCard(
    Guid Id,
    string FullName,
    string Specialization,
    int YearsOfExperience,
    decimal ConsultationFee,
    string Currency,
    string PracticeAddress,
    string? Bio,
    int DefaultSlotMinutes)
{
    /// <summary>The doctor's photo, when one was uploaded.</summary>
    public Guid? PhotoImageId { get; init; }

    public string? PhotoUrl => PhotoImageId is { } id ? Clinic.Data.Images.StoredImage.UrlOf(id) : null;
}
