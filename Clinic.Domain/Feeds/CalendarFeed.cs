using System.Security.Cryptography;
using System.Text;

namespace Clinic.Domain.Feeds;

public enum FeedSubjectKind
{
    Doctor,
    Patient,
}

/// <summary>Whose appointments a feed lists: a doctor (by profile id) or a patient (by user id).</summary>
public sealed record FeedSubject(FeedSubjectKind Kind, string Id)
{
    public static FeedSubject Doctor(Guid doctorId) => new(FeedSubjectKind.Doctor, doctorId.ToString());

    public static FeedSubject Patient(string userId) => new(FeedSubjectKind.Patient, userId);
}

/// <summary>
/// A calendar subscription address (.ics) for one doctor's or one patient's appointments. The
/// secret in the address is the only key, so only its SHA-256 is stored: the address is shown once
/// when issued. Revoking (or reissuing) makes the old address answer 404 at once.
/// </summary>
public sealed class CalendarFeed
{
    private CalendarFeed() { }

    public Guid Id { get; private set; }
    public FeedSubjectKind Kind { get; private set; }
    public string SubjectId { get; private set; } = string.Empty;
    public string TokenHash { get; private set; } = string.Empty;
    public DateTime CreatedUtc { get; private set; }
    public DateTime? RevokedUtc { get; private set; }

    public bool IsActive => RevokedUtc is null;

    /// <summary>A new feed and its secret (URL-safe, 256 bits of randomness).</summary>
    public static (CalendarFeed Feed, string Token) Issue(FeedSubject subject, DateTime nowUtc)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new CalendarFeed
        {
            Id = Guid.NewGuid(),
            Kind = subject.Kind,
            SubjectId = subject.Id,
            TokenHash = Hash(token),
            CreatedUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc),
        }, token);
    }

    public void Revoke(DateTime nowUtc) => RevokedUtc ??= DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
