using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MesaServicios.Infrastructure.Users;

/// <summary>Users and their sessions are cached: a save that touches them drops the cache.</summary>
internal sealed class UsersReferenceData : ICachedReferenceData
{
    // A session that is only being added (a sign-in) changes nothing already cached; one that is loaded may be ending
    // (sign-out, password change, deactivation).
    public bool MayChange(ChangeTracker changes) =>
        changes.Entries<User>().Any() || changes.Entries<UserSession>().Any(e => e.State != EntityState.Added);
}
