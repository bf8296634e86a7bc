using MesaServicios.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Notifications;

/// <summary>The Notifications module's tables.</summary>
public interface INotificationsDbContext
{
    DbSet<OutboxEmail> OutboxEmails { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<NotificationPreference> NotificationPreferences { get; }

    DbSet<ActionLink> ActionLinks { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
