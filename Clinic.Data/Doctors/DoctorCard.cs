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

    /// <summary>The branch the doctor sees patients at, in a clinic with branches.</summary>
    public Guid? BranchId { get; init; }

    /// <summary>Its short name ("Uttara"); the address above is the branch's.</summary>
    public string? BranchName { get; init; }

    public string? PhotoUrl => PhotoImageId is { } id ? Clinic.Data.Images.StoredImage.UrlOf(id) : null;
}
