using Mediator;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.Sessions;

/// <summary>Whether an access token's session is still alive and its user still active (checked on every request).</summary>
public sealed record IsSessionActiveQuery(Guid SessionId, Guid UserId) : IQuery<bool>;

internal sealed class IsSessionActiveQueryHandler(IUsersDbContext db, TimeProvider clock) : IQueryHandler<IsSessionActiveQuery, bool>
{
    public async ValueTask<bool> Handle(IsSessionActiveQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == query.SessionId && s.UserId == query.UserId && s.RevokedAt == null && s.ExpiresAt > now)
            .Join(db.Users.Where(u => u.IsActive), s => s.UserId, u => u.Id, (s, u) => s.Id)
            .AnyAsync(cancellationToken);
    }
}
