using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users;

/// <summary>The Users module's tables. Only Users handlers see them.</summary>
public interface IUsersDbContext
{
    DbSet<User> Users { get; }

    DbSet<UserSession> UserSessions { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    DbSet<PasswordResetRequest> PasswordResetRequests { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
