using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Notifications.MyNotifications;

public sealed record NotificationItem(Guid Id, string Kind, int? TicketId, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record UnreadCount(int Count);

/// <summary>My in-app notifications, newest first; optionally only the unread ones.</summary>
public sealed record ListMyNotificationsQuery(bool UnreadOnly = false, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<NotificationItem>>;

public sealed record GetMyUnreadCountQuery : IQuery<UnreadCount>;

public sealed record MarkNotificationReadCommand(Guid NotificationId) : ICommand;

public sealed record MarkAllNotificationsReadCommand : ICommand<UnreadCount>;

internal sealed class MyNotificationsHandlers(INotificationsDbContext db, ICurrentUser currentUser, TimeProvider clock) :
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
        var items = await mine
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * size).Take(size)
            .ProjectToItem()
            .ToListAsync(cancellationToken);
        return new PagedResult<NotificationItem>(items, page, size, total);
    }

    public async ValueTask<UnreadCount> Handle(GetMyUnreadCountQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        return new UnreadCount(await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken));
    }

    public async ValueTask<Unit> Handle(MarkNotificationReadCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
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
        return new UnreadCount(0);
    }
}
