using Clinic.Domain.Doctors;

namespace Clinic.Data.Team;

/// <summary>The owner's form for a new Staff or Doctor account; <see cref="Doctor"/> for doctors only.</summary>
public sealed record NewTeamMember(string FullName, string Email, string Role, DoctorProfileDetails? Doctor);

/// <summary>A created account that still needs its first password, set through the emailed link.</summary>
public sealed record TeamInvitation(string UserId, string Email, string FullName, string PasswordToken);

public sealed record TeamMember(string UserId, string FullName, string Email, string Role, bool IsActive, Guid? DoctorId)
{
    /// <summary>Where they work: a doctor's branch, or the branch whose desk a staff member works; none for the whole clinic.</summary>
    public Guid? BranchId { get; init; }
}
