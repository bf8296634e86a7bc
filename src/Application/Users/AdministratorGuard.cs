using MesaServicios.Application.Common;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users;

/// <summary>The desk always keeps one active administrator: the last one can be neither demoted nor deactivated.</summary>
internal static class AdministratorGuard
{
    public static async Task<bool> IsLastActiveAdministratorAsync(IUsersDbContext db, User user, CancellationToken cancellationToken) =>
        user is { Role: UserRole.Administrator, IsActive: true }
        && !await db.Users.AnyAsync(u => u.Id != user.Id && u.Role == UserRole.Administrator && u.IsActive, cancellationToken);

    public static async Task EnsureNotLastAsync(IUsersDbContext db, User user, CancellationToken cancellationToken)
    {
        if (await IsLastActiveAdministratorAsync(db, user, cancellationToken))
        {
            throw Errors.Conflict("users.last_administrator");
        }
    }
}
