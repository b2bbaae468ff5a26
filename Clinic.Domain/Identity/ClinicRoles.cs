namespace Clinic.Domain.Identity;

/// <summary>The four roles of the permission matrix in DESIGN.md.</summary>
public static class ClinicRoles
{
    public const string Owner = "Owner";
    public const string Staff = "Staff";
    public const string Doctor = "Doctor";
    public const string Patient = "Patient";

    /// <summary>For authorize attributes: the people who run the clinic.</summary>
    public const string OwnerOrStaff = Owner + "," + Staff;

    public static IReadOnlyList<string> All { get; } = [Owner, Staff, Doctor, Patient];

    /// <summary>Roles the owner may give to a new team member.</summary>
    public static IReadOnlyList<string> TeamRoles { get; } = [Staff, Doctor];

    /// <summary>Where each role lands after signing in.</summary>
    public static string HomePath(string role) => role switch
    {
        Owner => "/owner",
        Staff => "/staff",
        Doctor => "/doctor",
        Patient => "/patient",
        _ => "/",
    };
}
