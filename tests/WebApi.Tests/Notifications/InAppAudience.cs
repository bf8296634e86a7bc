using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Notifications;

/// <summary>
/// Who sees what in the bell: each person's own notifications, plus every desk alert once for each desk member it is
/// shown to (an active technician or administrator of its language, on the desk when it was raised, not left out of it).
/// Tests count people this way, whether the host wrote one row per person or one alert for the desk.
/// </summary>
public static class InAppAudience
{
    public static async Task<List<(int? TicketId, string Kind, Guid UserId)>> SeenAsync(MesaDbContext db)
    {
        var own = (await db.Notifications.Select(n => new { n.TicketId, n.Kind, n.UserId }).ToListAsync())
            .Select(n => (n.TicketId, n.Kind, n.UserId));
        var desk = await db.Set<User>().Where(u => u.IsActive && (u.Role == UserRole.Technician || u.Role == UserRole.Administrator))
            .Select(u => new { u.Id, u.Language, Since = u.DeskSince ?? u.CreatedAt }).ToListAsync();
        var alerts = await db.DeskAlerts.ToListAsync();
        var shown = alerts.SelectMany(a => desk
            .Where(d => d.Language == a.Language && d.Since <= a.CreatedAt && d.Id != a.ExceptUserId && d.Id != a.ExceptOtherUserId)
            .Select(d => (a.TicketId, a.Kind, d.Id)));
        return own.Concat(shown).ToList();
    }
}
