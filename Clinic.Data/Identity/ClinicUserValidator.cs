using Microsoft.AspNetCore.Identity;

namespace Clinic.Data.Identity;

/// <summary>
/// Identity's checks (unique user name, a valid and unique email), except that a patient the front desk
/// records for a walk-in may have no email at all: without one and without a password nobody can sign
/// in to the record, and an email given later is checked like any other.
/// </summary>
internal sealed class ClinicUserValidator(IdentityErrorDescriber? errors = null) : UserValidator<ClinicUser>(errors)
{
    public override async Task<IdentityResult> ValidateAsync(UserManager<ClinicUser> manager, ClinicUser user)
    {
        var result = await base.ValidateAsync(manager, user);
        if (result.Succeeded || user.Email is not null)
            return result;
        var rest = result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.InvalidEmail)).ToArray();
        return rest.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(rest);
    }
}
