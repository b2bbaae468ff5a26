using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Feeds;
using Clinic.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Feeds;

/// <summary>One appointment as a calendar entry of a feed.</summary>
public sealed record FeedEntry(Guid AppointmentId, DateTime StartUtc, DateTime EndUtc, AppointmentStatus Status, string DoctorName, string PatientName, string Location, int Version);

/// <summary>What a feed address serves: whose it is, the clinic's zone, and the appointments.</summary>
public sealed record FeedContent(FeedSubjectKind Kind, string Title, string TimeZoneId, IReadOnlyList<FeedEntry> Entries);

public sealed record FeedStatus(bool Active, DateTime? IssuedUtc);

/// <summary>
/// Calendar subscription addresses for a doctor's or a patient's appointments. The person
/// themselves and the owner may issue, reissue and revoke; reading needs only the secret address.
/// </summary>
public sealed class CalendarFeeds(IDbContextFactory<ClinicDbContext> contexts, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Clinic.Data.Booking.OnlineVisitOptions> onlineVisits)
{
    public const string NotYours = "Only the person themselves or the owner can manage this calendar address.";

    /// <summary>How far back a feed reaches; everything ahead is included.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(90);

    public async Task<Result<string>> IssueAsync(Actor by, FeedSubject subject, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await RefusalAsync(db, by, subject, cancellationToken) is { } refused)
            return Result<string>.From(refused);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in await ActiveAsync(db, subject, cancellationToken))
            old.Revoke(now);
        var (feed, token) = CalendarFeed.Issue(subject, now);
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<string>.Ok(token);
    }

    public async Task<Result> RevokeAsync(Actor by, FeedSubject subject, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await RefusalAsync(db, by, subject, cancellationToken) is { } refused)
            return refused;
        foreach (var feed in await ActiveAsync(db, subject, cancellationToken))
            feed.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result<FeedStatus>> StatusAsync(Actor by, FeedSubject subject, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await RefusalAsync(db, by, subject, cancellationToken) is { } refused)
            return Result<FeedStatus>.From(refused);
        var active = (await ActiveAsync(db, subject, cancellationToken)).FirstOrDefault();
        return Result<FeedStatus>.Ok(new FeedStatus(active is not null, active?.CreatedUtc));
    }

    /// <summary>The feed behind a secret address, or null when there is none (unknown, revoked, or the person is gone).</summary>
    public async Task<FeedContent?> ReadAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hash = CalendarFeed.Hash(token);
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash && f.RevokedUtc == null, cancellationToken);
        if (feed is null)
            return null;
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var since = clock.GetUtcNow().UtcDateTime - History;
        var doctorId = feed.Kind == FeedSubjectKind.Doctor ? Guid.Parse(feed.SubjectId) : (Guid?)null;
        var patientId = feed.Kind == FeedSubjectKind.Patient ? feed.SubjectId : null;
        var rows = await (
            from appointment in db.Appointments.AsNoTracking()
            where !appointment.IsDeleted && appointment.Status != AppointmentStatus.Offered && appointment.StartUtc >= since
                && (doctorId == null || appointment.DoctorId == doctorId) && (patientId == null || appointment.PatientUserId == patientId)
            join doctor in db.Doctors on appointment.DoctorId equals doctor.Id
            join patient in db.Users on appointment.PatientUserId equals patient.Id
            join branch in db.Branches on doctor.BranchId equals (Guid?)branch.Id into branches
            from branch in branches.DefaultIfEmpty()
            orderby appointment.StartUtc
            select new { appointment, DoctorName = doctor.FullName, doctor.PracticeAddress, PatientName = patient.FullName, Branch = branch == null ? null : branch.Name })
            .ToListAsync(cancellationToken);
        var title = feed.Kind == FeedSubjectKind.Doctor
            ? $"{clinic.Name}: {await db.Doctors.Where(d => d.Id == doctorId).Select(d => d.FullName).FirstOrDefaultAsync(cancellationToken)}"
            : $"{clinic.Name}: my appointments";
        return new FeedContent(feed.Kind, title, clinic.TimeZoneId, [.. rows.Select(r => new FeedEntry(r.appointment.Id, r.appointment.StartUtc, r.appointment.EndUtc,
            r.appointment.Status, r.DoctorName, r.PatientName,
            // The feed is its subject's own, the patient's or the doctor's: a confirmed video visit takes place at its meeting address.
            r.appointment is { MeetingRoom: { } room, Status: AppointmentStatus.Confirmed } ? onlineVisits.Value.UrlFor(room)
                : string.IsNullOrWhiteSpace(r.PracticeAddress) ? $"{clinic.Name}, {clinic.Address}"
                : r.Branch is not null ? $"{clinic.Name}, {Clinic.Domain.Branches.Branch.Where(r.Branch, r.PracticeAddress)}" : r.PracticeAddress,
            r.appointment.Version))]);
    }

    private static Task<List<CalendarFeed>> ActiveAsync(ClinicDbContext db, FeedSubject subject, CancellationToken cancellationToken) =>
        db.CalendarFeeds.Where(f => f.Kind == subject.Kind && f.SubjectId == subject.Id && f.RevokedUtc == null).ToListAsync(cancellationToken);

    private static async Task<Result?> RefusalAsync(ClinicDbContext db, Actor by, FeedSubject subject, CancellationToken cancellationToken)
    {
        var exists = subject.Kind == FeedSubjectKind.Doctor
            ? Guid.TryParse(subject.Id, out var doctorId) && await db.Doctors.AnyAsync(d => d.Id == doctorId, cancellationToken)
            : await db.Users.AnyAsync(u => u.Id == subject.Id, cancellationToken);
        var isSelf = subject.Kind == FeedSubjectKind.Doctor
            ? exists && await db.Doctors.AnyAsync(d => d.Id == Guid.Parse(subject.Id) && d.UserId == by.UserId, cancellationToken)
            : subject.Id == by.UserId;
        if (exists && (isSelf || by.IsOwner))
            return null;
        // Someone else's (or nobody's) address looks the same: not found.
        return Result.Refused(RefusalCodes.NotFound, exists && !by.IsIn(ClinicRoles.Patient) ? NotYours : "No such calendar.");
    }
}
