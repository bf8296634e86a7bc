using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Notifications.MyNotifications;

public sealed record NotificationItem(Guid Id, string Kind, int? TicketId, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record UnreadCount(int Count);

/// <summary>
/// My in-app notifications, newest first; optionally only the unread ones. A desk member (an active technician or
/// administrator) also sees the desk alerts of his language raised since he joined the desk, except those about his
/// own action; a requester never sees a desk alert.
/// </summary>
public sealed record ListMyNotificationsQuery(bool UnreadOnly = false, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<NotificationItem>>;

public sealed record GetMyUnreadCountQuery : IQuery<UnreadCount>;

public sealed record MarkNotificationReadCommand(Guid NotificationId) : ICommand;

public sealed record MarkAllNotificationsReadCommand : ICommand<UnreadCount>;

internal sealed class MyNotificationsHandlers(INotificationsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock) :
    IQueryHandler<ListMyNotificationsQuery, PagedResult<NotificationItem>>,
    IQueryHandler<GetMyUnreadCountQuery, UnreadCount>,
    ICommandHandler<MarkNotificationReadCommand>,
    ICommandHandler<MarkAllNotificationsReadCommand, UnreadCount>
{
    public async ValueTask<PagedResult<NotificationItem>> Handle(ListMyNotificationsQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, Paging.MaxPageSize);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (query.UnreadOnly)
        {
            mine = mine.Where(n => n.ReadAt == null);
        }

        var total = await mine.CountAsync(cancellationToken);
        var desk = await sender.Send(new GetDeskMembershipQuery(userId), cancellationToken);
        if (desk is null)
        {
            var items = await mine
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Skip((page - 1) * size).Take(size)
                .ProjectToItem()
                .ToListAsync(cancellationToken);
            return new PagedResult<NotificationItem>(items, page, size, total);
        }

        // Both lists are newest first: the page is among the first page × size rows of each.
        var watermark = await WatermarkAsync(userId, cancellationToken);
        var alerts = AlertsFor(userId, desk);
        total += query.UnreadOnly ? await UnreadAlertsAsync(userId, alerts, watermark, cancellationToken) : await alerts.CountAsync(cancellationToken);
        if (query.UnreadOnly)
        {
            alerts = Unread(userId, alerts, watermark);
        }

        var needed = page * size;
        var own = await mine
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(needed)
            .ProjectToItem()
            .ToListAsync(cancellationToken);
        var upTo = watermark?.ReadUpTo ?? 0;
        var desks = (await alerts
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Take(needed)
            .Select(a => new
            {
                Alert = a,
                ReadAt = db.DeskAlertReads.Where(r => r.UserId == userId && r.AlertId == a.Id).Select(r => (DateTimeOffset?)r.ReadAt).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken))
            .Select(x => new NotificationItem(
                DeskAlert.PublicId(x.Alert.Id),
                x.Alert.Kind,
                x.Alert.TicketId,
                x.Alert.Title,
                x.Alert.Body,
                x.Alert.Link,
                x.Alert.CreatedAt,
                x.ReadAt ?? (x.Alert.Id <= upTo ? watermark!.MarkedAt : null)));
        // A stable sort: each list keeps its own order, and on equal times the person's own notifications come first.
        var merged = own.Concat(desks)
            .OrderByDescending(i => i.CreatedAt)
            .Skip((page - 1) * size).Take(size)
            .ToList();
        return new PagedResult<NotificationItem>(merged, page, size, total);
    }

    public async ValueTask<UnreadCount> Handle(GetMyUnreadCountQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var count = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
        var desk = await sender.Send(new GetDeskMembershipQuery(userId), cancellationToken);
        if (desk is not null)
        {
            count += await UnreadAlertsAsync(userId, AlertsFor(userId, desk), await WatermarkAsync(userId, cancellationToken), cancellationToken);
        }

        return new UnreadCount(count);
    }

    public async ValueTask<Unit> Handle(MarkNotificationReadCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        if (DeskAlert.TryParsePublicId(command.NotificationId, out var alertId))
        {
            // Someone else's alert (another language, before he joined, about his own action, or he left the desk) is
            // as unknown as someone else's notification.
            var desk = await sender.Send(new GetDeskMembershipQuery(userId), cancellationToken);
            if (desk is null || !await AlertsFor(userId, desk).AnyAsync(a => a.Id == alertId, cancellationToken))
            {
                throw Errors.NotFound("notifications.not_found", command.NotificationId);
            }

            if (!await db.DeskAlertReads.AnyAsync(r => r.UserId == userId && r.AlertId == alertId, cancellationToken))
            {
                db.DeskAlertReads.Add(DeskAlertRead.Create(alertId, userId, clock.GetUtcNow()));
                await SaveOnceAsync(() => db.DeskAlertReads.AnyAsync(r => r.UserId == userId && r.AlertId == alertId, cancellationToken), cancellationToken);
            }

            return Unit.Value;
        }

        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == command.NotificationId && n.UserId == userId, cancellationToken)
            ?? throw Errors.NotFound("notifications.not_found", command.NotificationId);
        notification.MarkRead(clock.GetUtcNow());
        return Unit.Value;
    }

    public async ValueTask<UnreadCount> Handle(MarkAllNotificationsReadCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var now = clock.GetUtcNow();
        await db.Notifications
            .Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (await sender.Send(new GetDeskMembershipQuery(userId), cancellationToken) is not null)
        {
            // Everything raised so far is read; alerts raised later are not.
            var newest = await db.DeskAlerts.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
            var watermark = await db.DeskAlertWatermarks.FirstOrDefaultAsync(w => w.UserId == userId, cancellationToken);
            if (watermark is null)
            {
                db.DeskAlertWatermarks.Add(DeskAlertWatermark.Create(userId, newest, now));
                if (!await SaveOnceAsync(() => db.DeskAlertWatermarks.AnyAsync(w => w.UserId == userId, cancellationToken), cancellationToken))
                {
                    // Another "mark all read" of his wrote the first mark meanwhile: move that one.
                    watermark = await db.DeskAlertWatermarks.FirstAsync(w => w.UserId == userId, cancellationToken);
                }
            }

            watermark?.MoveTo(newest, now);
        }

        return new UnreadCount(0);
    }

    /// <summary>
    /// Saves a new mark now; false if the same mark was written meanwhile by another request of his (two clicks at once:
    /// on PostgreSQL both can pass the check, and the second insert fails on the key; its own savepoint undoes it).
    /// </summary>
    private async Task<bool> SaveOnceAsync(Func<Task<bool>> existsNow, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await existsNow())
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>The desk alerts a desk member sees: his language, raised since he joined, not about his own action.</summary>
    private IQueryable<DeskAlert> AlertsFor(Guid userId, DeskMembership desk) =>
        db.DeskAlerts.AsNoTracking().Where(a =>
            a.Language == desk.Language && a.CreatedAt >= desk.Since && a.ExceptUserId != userId && a.ExceptOtherUserId != userId);

    private IQueryable<DeskAlert> Unread(Guid userId, IQueryable<DeskAlert> alerts, DeskAlertWatermark? watermark)
    {
        var upTo = watermark?.ReadUpTo ?? 0;
        return alerts.Where(a => a.Id > upTo && !db.DeskAlertReads.Any(r => r.UserId == userId && r.AlertId == a.Id));
    }

    /// <summary>Counted as the alerts above his watermark less his read marks among them (a few), not row by row.</summary>
    private async Task<int> UnreadAlertsAsync(Guid userId, IQueryable<DeskAlert> alerts, DeskAlertWatermark? watermark, CancellationToken cancellationToken)
    {
        var upTo = watermark?.ReadUpTo ?? 0;
        var above = alerts.Where(a => a.Id > upTo);
        var count = await above.CountAsync(cancellationToken);
        var read = await db.DeskAlertReads.CountAsync(r => r.UserId == userId && above.Any(a => a.Id == r.AlertId), cancellationToken);
        return count - read;
    }

    private Task<DeskAlertWatermark?> WatermarkAsync(Guid userId, CancellationToken cancellationToken) =>
        db.DeskAlertWatermarks.AsNoTracking().FirstOrDefaultAsync(w => w.UserId == userId, cancellationToken);
}
