using Microsoft.AspNetCore.Identity;

namespace Clinic.Data.Identity;

/// <summary>A person who signs in: owner, staff, doctor or patient.</summary>
public sealed class ClinicUser : IdentityUser
{
    public string FullName { get; set; } = string.Empty;
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>A deactivated account keeps its history but can no longer sign in.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedUtc { get; set; }

    /// <summary>For staff: the branch whose desk they work; their front desk, requests and agenda open at it.</summary>
    public Guid? BranchId { get; set; }

    /// <summary>
    /// The language the person reads the clinic in ("bn", "en"), or none for the clinic's own:
    /// their emails are written in it, and signing in on another device opens the pages in it.
    /// </summary>
    public string? Language { get; set; }
}
