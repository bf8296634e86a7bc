using Mediator;
using MesaServicios.Application.Common.Caching;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.Sessions;

/// <summary>Whether an access token's session is still alive and its user still active (checked on every request).</summary>
/// <remarks>
/// Answered from <see cref="ReferenceCache"/>: this process drops the cache whenever it saves a change to a session
/// or a user (sign-out, password change, deactivation, role change), so an ended session is refused by the very next
/// request; on another node of a scaled-out desk, within <see cref="ReferenceCache.Lifetime"/>.
/// </remarks>
public sealed record IsSessionActiveQuery(Guid SessionId, Guid UserId) : IQuery<bool>;

internal sealed class IsSessionActiveQueryHandler(IUsersDbContext db, ReferenceCache cache, TimeProvider clock) : IQueryHandler<IsSessionActiveQuery, bool>
{
    public async ValueTask<bool> Handle(IsSessionActiveQuery query, CancellationToken cancellationToken)
    {
        var state = await cache.GetOrLoadAsync(
            new SessionKey(query.SessionId, query.UserId),
            async ct => new SessionState(await db.UserSessions.AsNoTracking()
                .Where(s => s.Id == query.SessionId && s.UserId == query.UserId && s.RevokedAt == null)
                .Join(db.Users.Where(u => u.IsActive), s => s.UserId, u => u.Id, (s, u) => (DateTimeOffset?)s.ExpiresAt)
                .FirstOrDefaultAsync(ct)),
            cancellationToken);
        return state.ExpiresAt is { } expiresAt && expiresAt > clock.GetUtcNow();
    }

    private sealed record SessionKey(Guid SessionId, Guid UserId);

    /// <summary>When the active session expires; null for an ended, unknown or deactivated one.</summary>
    private sealed record SessionState(DateTimeOffset? ExpiresAt);
}
