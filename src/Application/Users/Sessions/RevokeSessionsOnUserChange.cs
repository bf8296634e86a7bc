using MesaServicios.Application.Common.Events;
using MesaServicios.Domain.Users;
using MesaServicios.Domain.Users.Events;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.Sessions;

/// <summary>A deactivated user's sessions end at once; so do a user's sessions when the role changes (tokens carry the role).</summary>
internal sealed class RevokeSessionsOnUserChange(IUsersDbContext db, TimeProvider clock)
    : IDomainEventHandler<UserDeactivated>, IDomainEventHandler<UserRoleChanged>
{
    public ValueTask Handle(UserDeactivated domainEvent, CancellationToken cancellationToken) =>
        RevokeAll(domainEvent.UserId, SessionEndReasons.UserDeactivated, cancellationToken);

    public ValueTask Handle(UserRoleChanged domainEvent, CancellationToken cancellationToken) =>
        RevokeAll(domainEvent.UserId, SessionEndReasons.RoleChanged, cancellationToken);

    private async ValueTask RevokeAll(Guid userId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            session.Revoke(reason, now);
        }
    }
}
