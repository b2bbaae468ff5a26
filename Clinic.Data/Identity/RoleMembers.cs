using Clinic.Data.Persistence;
using Clinic.Domain.Identity;

namespace Clinic.Data.Identity;

/// <summary>The people in a role, as a query to refine: from the role through its members (indexed both ways), never a scan of every user.</summary>
internal static class RoleMembers
{
    /// <summary>Everyone in <paramref name="role"/>, active or not.</summary>
    public static IQueryable<ClinicUser> In(ClinicDbContext db, string role) =>
        from user in db.Users
        join userRole in db.UserRoles on user.Id equals userRole.UserId
        join r in db.Roles on userRole.RoleId equals r.Id
        where r.Name == role
        select user;

    /// <summary>Every patient, active or not; callers say whether only active ones count.</summary>
    public static IQueryable<ClinicUser> Patients(ClinicDbContext db) => In(db, ClinicRoles.Patient);
}
