using MesaServicios.Application.Users;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

public sealed partial class MesaDbContext : IUsersDbContext
{
    DbSet<User> IUsersDbContext.Users => Set<User>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
}

public sealed partial class MesaDbContext
{
    internal DbSet<UnknownAccountSignIn> UnknownAccountSignIns => Set<UnknownAccountSignIn>();
}
