using MesaServicios.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MesaServicios.Application.Notifications;

/// <summary>The Notifications module's tables.</summary>
public interface INotificationsDbContext
{
    DbSet<OutboxEmail> OutboxEmails { get; }

    /// <summary>The outbox e-mails' bodies, one per rendered mail (shared by its recipients' rows).</summary>
    DbSet<OutboxBody> OutboxBodies { get; }

    DbSet<Notification> Notifications { get; }

    /// <summary>In-app alerts for the whole desk, one per language (instead of one notification per desk member).</summary>
    DbSet<DeskAlert> DeskAlerts { get; }

    DbSet<DeskAlertRead> DeskAlertReads { get; }

    DbSet<DeskAlertWatermark> DeskAlertWatermarks { get; }

    DbSet<NotificationPreference> NotificationPreferences { get; }

    DbSet<ActionLink> ActionLinks { get; }

    /// <summary>Lets a long delivery run forget the batches it finished (otherwise every save rescans them all).</summary>
    ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
