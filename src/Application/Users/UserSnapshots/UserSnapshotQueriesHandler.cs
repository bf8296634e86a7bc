using Mediator;
using MesaServicios.Application.Common.Caching;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.UserSnapshots;

/// <remarks>Snapshots by id and the lists by role are served from <see cref="ReferenceCache"/>.</remarks>
internal sealed class UserSnapshotQueriesHandler(IUsersDbContext db, ReferenceCache cache) :
    IQueryHandler<GetUserSnapshotsQuery, IReadOnlyList<UserSnapshot>>,
    IQueryHandler<FindUsersByEmailQuery, IReadOnlyList<UserSnapshot>>,
    IQueryHandler<ListActiveUsersByRoleQuery, IReadOnlyList<UserSnapshot>>,
    IQueryHandler<GetDeskMembershipQuery, DeskMembership?>
{
    /// <remarks>Read from the table, not the cache: a demotion or a change of language shows at once.</remarks>
    public async ValueTask<DeskMembership?> Handle(GetDeskMembershipQuery query, CancellationToken cancellationToken)
    {
        var desk = new[] { UserRole.Technician, UserRole.Administrator };
        var member = await db.Users.AsNoTracking()
            .Where(u => u.Id == query.UserId && u.IsActive && desk.Contains(u.Role))
            .Select(u => new { u.Language, u.DeskSince, u.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return member is null ? null : new DeskMembership(member.Language, member.DeskSince ?? member.CreatedAt);
    }

    public async ValueTask<IReadOnlyList<UserSnapshot>> Handle(GetUserSnapshotsQuery query, CancellationToken cancellationToken)
    {
        var ids = query.UserIds.Distinct().ToArray();
        return await cache.GetOrLoadManyAsync<Guid, UserSnapshot>(
            ids,
            id => new SnapshotKey(id),
            async (missing, ct) =>
            {
                var loaded = await Project(db.Users.AsNoTracking().Where(u => missing.Contains(u.Id))).ToListAsync(ct);
                return loaded.Select(u => (u.Id, u)).ToList();
            },
            cancellationToken);
    }

    public async ValueTask<IReadOnlyList<UserSnapshot>> Handle(FindUsersByEmailQuery query, CancellationToken cancellationToken)
    {
        var emails = query.Emails.Select(e => e.Trim().ToLowerInvariant()).Distinct().ToArray();
        return await Project(db.Users.AsNoTracking().Where(u => emails.Contains(u.Email))).ToListAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<UserSnapshot>> Handle(ListActiveUsersByRoleQuery query, CancellationToken cancellationToken)
    {
        // Roles are stored by name: compare as a set of names, not with >= (which SQL would compare as text).
        var roles = Enum.GetValues<UserRole>().Where(r => r >= query.AtLeast).ToArray();
        return await cache.GetOrLoadAsync<IReadOnlyList<UserSnapshot>>(
            new RoleKey(query.AtLeast),
            async ct => await Project(db.Users.AsNoTracking().Where(u => u.IsActive && roles.Contains(u.Role))).ToListAsync(ct),
            cancellationToken);
    }

    private sealed record SnapshotKey(Guid UserId);

    private sealed record RoleKey(UserRole AtLeast);

    private static IQueryable<UserSnapshot> Project(IQueryable<User> users) =>
        users.Select(u => new UserSnapshot(u.Id, u.Email, u.FullName, u.Department, u.Phone, u.Role, u.IsActive, u.Language));
}
