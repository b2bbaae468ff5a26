using Clinic.Data.Booking;
using Clinic.Data.Persistence;
using Clinic.Domain.Common;
using Clinic.Domain.Events;
using Clinic.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Notifications;

/// <summary>A person's own notifications: the bell, the notifications page, marking them read. Nobody reads another's.</summary>
public sealed class NotificationCenter(IDbContextFactory<ClinicDbContext> contexts, TimeProvider clock)
{
    public const string NotYours = "That notification does not exist or is not yours.";

    public async Task<NotificationSummary> SummaryAsync(Actor me, int latest = 5, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unread = await db.Notifications.CountAsync(n => n.UserId == me.UserId && n.ReadUtc == null, cancellationToken);
        var items = await Views(db, me, false).Take(Math.Clamp(latest, 1, 20)).ToListAsync(cancellationToken);
        return new NotificationSummary(unread, items);
    }

    public async Task<Page<NotificationView>> PageAsync(Actor me, int page, int pageSize, bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        page = Math.Max(0, page);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = Views(db, me, unreadOnly);
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine.Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<NotificationView>(items, total);
    }

    public async Task<Result> MarkReadAsync(Actor me, Guid notificationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId && n.UserId == me.UserId, cancellationToken);
        if (notification is null)
            return Result.Failure(NotYours);
        if (notification.IsRead)
            return Result.Success;
        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<int> MarkAllReadAsync(Actor me, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.Notifications.Where(n => n.UserId == me.UserId && n.ReadUtc == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadUtc, now), cancellationToken);
        // One statement for many rows, no aggregate loaded: the fact is announced for them (already committed).
        if (marked > 0)
            db.Announce(new NotificationsChanged(me.UserId));
        return marked;
    }

    private static IQueryable<NotificationView> Views(ClinicDbContext db, Actor me, bool unreadOnly) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == me.UserId && (!unreadOnly || n.ReadUtc == null))
            .OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Text, n.Link, n.CreatedUtc, n.ReadUtc));
}
