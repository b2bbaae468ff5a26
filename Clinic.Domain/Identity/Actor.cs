namespace Clinic.Domain.Identity;

/// <summary>Who is asking: use cases check permissions against this, not against hidden buttons.</summary>
public sealed record Actor(string UserId, IReadOnlySet<string> Roles)
{
    public bool IsIn(string role) => Roles.Contains(role);

    public bool IsOwner => IsIn(ClinicRoles.Owner);

    public static Actor Of(string userId, params string[] roles) => new(userId, roles.ToHashSet());
}
