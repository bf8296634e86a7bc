using MesaServicios.Domain.Notifications;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>Notification preferences are cached: a save that touches one drops the cache.</summary>
internal sealed class NotificationsReferenceData : ICachedReferenceData
{
    public bool MayChange(ChangeTracker changes) => changes.Entries<NotificationPreference>().Any();
}
