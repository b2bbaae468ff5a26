namespace Clinic.Data.Identity;

/// <summary>
/// One refresh token handed to an API client. Tokens of one sign-in form a family: each refresh
/// spends its token and issues the next; presenting a spent token again means it was stolen (or
/// copied), and the whole family is revoked.
/// </summary>
public sealed class RefreshTokenRecord
{
    public string Id { get; set; } = "";
    public string FamilyId { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime IssuedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? SpentUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
}
