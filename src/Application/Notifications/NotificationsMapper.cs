using MesaServicios.Application.Notifications.Admin;
using MesaServicios.Application.Notifications.MyNotifications;
using MesaServicios.Domain.Notifications;
using Riok.Mapperly.Abstractions;

namespace MesaServicios.Application.Notifications;

/// <summary>
/// The Notifications module's mappings (ADR 0002), translated by EF Core to SQL. Only the item's members must be
/// mapped: the entities hold more (bodies, claim columns) than a list shows.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class NotificationsMapper
{
    public static partial IQueryable<NotificationItem> ProjectToItem(this IQueryable<Notification> notifications);

    public static partial IQueryable<OutboxEmailItem> ProjectToItem(this IQueryable<OutboxEmail> emails);
}
