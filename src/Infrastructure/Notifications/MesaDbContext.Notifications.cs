using MesaServicios.Application.Notifications;
using MesaServicios.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

public sealed partial class MesaDbContext : INotificationsDbContext
{
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    public DbSet<OutboxBody> OutboxBodies => Set<OutboxBody>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<DeskAlert> DeskAlerts => Set<DeskAlert>();

    public DbSet<DeskAlertRead> DeskAlertReads => Set<DeskAlertRead>();

    public DbSet<DeskAlertWatermark> DeskAlertWatermarks => Set<DeskAlertWatermark>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<ActionLink> ActionLinks => Set<ActionLink>();
}
