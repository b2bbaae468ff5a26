using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Chat;
using Clinic.Domain.Common;
using Clinic.Domain.Events;
using Clinic.Domain.Identity;
using Clinic.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clinic.Data.Chat;

/// <summary>
/// Each patient's conversation with the clinic: read a page of history, post, mark read, and the
/// unread counts and inbox. Only participants get in; a refusal looks the same whether the
/// conversation exists or not.
/// </summary>
public sealed class Conversations(IDbContextFactory<ClinicDbContext> contexts, ChatRateLimiter rateLimiter, IOptions<ChatOptions> options, TimeProvider clock)
{
    public async Task<Result<ChatPage>> HistoryAsync(Actor me, string patientUserId, long? beforeId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await PatientNameAsync(db, me, patientUserId, cancellationToken) is not { } patientName)
            return Result<ChatPage>.Failure(ChatParticipants.NotYours);
        var size = options.Value.PageSize;
        var newestFirst = await db.ChatMessages.AsNoTracking()
            .Where(m => m.PatientUserId == patientUserId && (beforeId == null || m.Id < beforeId))
            .OrderByDescending(m => m.Id).Take(size + 1)
            .Select(m => new ChatMessageView(m.Id, m.SenderUserId, m.SenderName, m.FromClinic, m.Text, m.SentUtc))
            .ToListAsync(cancellationToken);
        var page = newestFirst.Take(size).Reverse().ToList();
        return Result<ChatPage>.Ok(new ChatPage(patientUserId, patientName, page, newestFirst.Count > size));
    }

    /// <summary>Messages after <paramref name="afterId"/>: what an open window adds when told the conversation changed.</summary>
    public async Task<Result<IReadOnlyList<ChatMessageView>>> NewerAsync(Actor me, string patientUserId, long afterId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await PatientNameAsync(db, me, patientUserId, cancellationToken) is null)
            return Result<IReadOnlyList<ChatMessageView>>.Failure(ChatParticipants.NotYours);
        IReadOnlyList<ChatMessageView> newer = await db.ChatMessages.AsNoTracking()
            .Where(m => m.PatientUserId == patientUserId && m.Id > afterId).OrderBy(m => m.Id).Take(200)
            .Select(m => new ChatMessageView(m.Id, m.SenderUserId, m.SenderName, m.FromClinic, m.Text, m.SentUtc))
            .ToListAsync(cancellationToken);
        return Result<IReadOnlyList<ChatMessageView>>.Ok(newer);
    }

    public async Task<Result<ChatMessageView>> PostAsync(Actor me, string patientUserId, string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await PatientNameAsync(db, me, patientUserId, cancellationToken) is null)
            return Result<ChatMessageView>.Failure(ChatParticipants.NotYours);
        var senderName = await db.Users.Where(u => u.Id == me.UserId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken) ?? "Unknown";
        var fromClinic = ChatParticipants.SpeaksForClinic(me);
        var written = ChatMessage.Write(patientUserId, me.UserId, senderName, fromClinic, text, clock.GetUtcNow().UtcDateTime);
        if (!written.Succeeded)
            return Result<ChatMessageView>.From(written);
        // Counted only for messages that would be saved: a typo refused above costs nothing.
        if (!rateLimiter.TryTake(me.UserId))
            return Result<ChatMessageView>.Failure(ChatRateLimiter.TooFast);

        var message = written.Value!;
        var patientAlreadyHadUnread = fromClinic && await UnreadForPatientAsync(db, patientUserId, cancellationToken) > 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChatMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        await MarkReadAsync(db, me.UserId, patientUserId, message.Id, cancellationToken);
        // One bell notice when the clinic starts writing, not one per message: the chat badge counts the rest.
        if (fromClinic && !patientAlreadyHadUnread)
            db.Notifications.Add(Notification.Create(patientUserId, NotificationKind.Chat, "New message from the clinic",
                $"{senderName}: {Preview(message.Text)}", "/messages", message.SentUtc));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<ChatMessageView>.Ok(new ChatMessageView(message.Id, message.SenderUserId, message.SenderName, message.FromClinic, message.Text, message.SentUtc));
    }

    /// <summary>The reader has seen everything up to <paramref name="upToId"/>.</summary>
    public async Task<Result> MarkReadAsync(Actor me, string patientUserId, long upToId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await PatientNameAsync(db, me, patientUserId, cancellationToken) is null)
            return Result.Failure(ChatParticipants.NotYours);
        if (await MarkReadAsync(db, me.UserId, patientUserId, upToId, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return Result.Success;
    }

    /// <summary>Unread messages from the other side: the clinic's for a patient; patients' (in the conversations one may join) for the clinic.</summary>
    public async Task<int> UnreadCountAsync(Actor me, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!ChatParticipants.SpeaksForClinic(me))
            return me.IsIn(ClinicRoles.Patient) ? await UnreadForPatientAsync(db, me.UserId, cancellationToken) : 0;
        return await UnreadFromPatients(db, me).CountAsync(cancellationToken);
    }

    /// <summary>The clinic's inbox: the conversations one may join, latest activity first.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> InboxAsync(Actor me, int take = 50, CancellationToken cancellationToken = default)
    {
        if (!ChatParticipants.SpeaksForClinic(me))
            return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = Visible(db, me);
        var latestIds = visible.GroupBy(m => m.PatientUserId).Select(g => g.Max(m => m.Id));
        var latest = await (
            from message in db.ChatMessages.AsNoTracking()
            where latestIds.Contains(message.Id)
            join patient in db.Users on message.PatientUserId equals patient.Id
            orderby message.Id descending
            select new { message, patient.FullName }).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken);
        var patientIds = latest.Select(l => l.message.PatientUserId).ToList();
        var unread = await UnreadFromPatients(db, me).Where(m => patientIds.Contains(m.PatientUserId))
            .GroupBy(m => m.PatientUserId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. latest.Select(l => new ConversationSummary(l.message.PatientUserId, l.FullName, Preview(l.message.Text), l.message.SenderName,
            l.message.FromClinic, l.message.SentUtc, unread.GetValueOrDefault(l.message.PatientUserId)))];
    }

    /// <summary>The patient's name when <paramref name="me"/> may take part in their conversation; null otherwise (or when there is no such patient).</summary>
    private static async Task<string?> PatientNameAsync(ClinicDbContext db, Actor me, string patientUserId, CancellationToken cancellationToken)
    {
        var patientName = await Identity.RoleMembers.Patients(db).Where(user => user.Id == patientUserId)
            .Select(user => user.FullName).FirstOrDefaultAsync(cancellationToken);
        if (patientName is null)
            return null;
        var isDoctorOfPatient = me.IsIn(ClinicRoles.Doctor) && await db.Appointments.AnyAsync(a => a.PatientUserId == patientUserId && !a.IsDeleted
            && db.Doctors.Any(d => d.Id == a.DoctorId && d.UserId == me.UserId), cancellationToken);
        return ChatParticipants.CanTakePart(me, patientUserId, isDoctorOfPatient) ? patientName : null;
    }

    /// <summary>Every message of the conversations <paramref name="me"/> (clinic side) may join: all for staff and owner, their patients' for a doctor.</summary>
    private static IQueryable<ChatMessage> Visible(ClinicDbContext db, Actor me)
    {
        var messages = db.ChatMessages.AsNoTracking();
        if (me.IsIn(ClinicRoles.Owner) || me.IsIn(ClinicRoles.Staff))
            return messages;
        var myPatients = from appointment in db.Appointments
                         join doctor in db.Doctors on appointment.DoctorId equals doctor.Id
                         where doctor.UserId == me.UserId && !appointment.IsDeleted
                         select appointment.PatientUserId;
        return messages.Where(m => myPatients.Contains(m.PatientUserId));
    }

    private static IQueryable<ChatMessage> UnreadFromPatients(ClinicDbContext db, Actor me) =>
        from message in Visible(db, me)
        where !message.FromClinic
        join marker in db.ChatReads.Where(r => r.UserId == me.UserId) on message.PatientUserId equals marker.PatientUserId into markers
        from marker in markers.DefaultIfEmpty()
        where marker == null || message.Id > marker.LastReadMessageId
        select message;

    private static Task<int> UnreadForPatientAsync(ClinicDbContext db, string patientUserId, CancellationToken cancellationToken)
    {
        var lastRead = db.ChatReads.Where(r => r.UserId == patientUserId && r.PatientUserId == patientUserId).Select(r => (long?)r.LastReadMessageId);
        return db.ChatMessages.CountAsync(m => m.PatientUserId == patientUserId && m.FromClinic
            && m.Id > (lastRead.FirstOrDefault() ?? 0), cancellationToken);
    }

    private static async Task<bool> MarkReadAsync(ClinicDbContext db, string userId, string patientUserId, long upToId, CancellationToken cancellationToken)
    {
        var marker = await db.ChatReads.FirstOrDefaultAsync(r => r.UserId == userId && r.PatientUserId == patientUserId, cancellationToken);
        if (marker is null)
        {
            marker = ChatReadMarker.For(userId, patientUserId);
            db.ChatReads.Add(marker);
        }
        return marker.ReadUpTo(upToId);
    }

    private static string Preview(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 120 ? line : line[..119] + "…";
    }
}
