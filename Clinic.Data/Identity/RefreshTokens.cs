using System.Security.Cryptography;
using Clinic.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Clinic.Data.Identity;

/// <summary>What presenting a refresh token led to.</summary>
public enum RefreshOutcome
{
    /// <summary>The token was live and is now spent; a successor may be issued.</summary>
    Spent,
    /// <summary>Never issued, expired, or its family was revoked.</summary>
    Unknown,
    /// <summary>Spent before: the family is revoked now.</summary>
    Reused,
}

/// <summary>Rotation of API refresh tokens with reuse detection (OWASP ASVS 5.0 V7).</summary>
public sealed class RefreshTokens(IDbContextFactory<ClinicDbContext> contexts, TimeProvider clock, ILogger<RefreshTokens> logger)
{
    /// <summary>The claim that carries a refresh token's id inside the protected token.</summary>
    public const string ClaimType = "clinic:refresh";

    public async Task<string> IssueAsync(string userId, string? familyId, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = NewId();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Expired tokens tell nothing any more: each sign-in sweeps its person's.
        await db.RefreshTokens.Where(t => t.UserId == userId && t.ExpiresUtc <= now).ExecuteDeleteAsync(cancellationToken);
        db.RefreshTokens.Add(new RefreshTokenRecord
        {
            Id = id,
            FamilyId = familyId ?? NewId(),
            UserId = userId,
            IssuedUtc = now,
            ExpiresUtc = now + lifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>Spends a token once: two refreshes racing with one token get one success and a revoked family.</summary>
    public async Task<(RefreshOutcome Outcome, string? FamilyId)> SpendAsync(string id, string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var spent = await db.RefreshTokens
            .Where(t => t.Id == id && t.UserId == userId && t.SpentUtc == null && t.RevokedUtc == null && t.ExpiresUtc > now)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.SpentUtc, now), cancellationToken);
        var record = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId, cancellationToken);
        if (spent == 1)
            return (RefreshOutcome.Spent, record?.FamilyId);
        if (record is null || record.SpentUtc is null)
            return (RefreshOutcome.Unknown, null);

        var revoked = await db.RefreshTokens
            .Where(t => t.FamilyId == record.FamilyId && t.RevokedUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedUtc, now), cancellationToken);
        if (revoked > 0)
            logger.LogWarning("A spent refresh token was presented again; its family of sign-in tokens is revoked.");
        return (RefreshOutcome.Reused, record.FamilyId);
    }

    private static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
