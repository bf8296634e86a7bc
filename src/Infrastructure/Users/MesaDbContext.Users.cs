using MesaServicios.Application.Users;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure.Users;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

// Sign-in credentials are ASP.NET Core Identity's (AccountCredential); the Users module gives the one DbContext that base.
public sealed partial class MesaDbContext : IdentityUserContext<AccountCredential, Guid>, IUsersDbContext
{
    DbSet<User> IUsersDbContext.Users => Set<User>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<PasswordResetRequest> PasswordResetRequests => Set<PasswordResetRequest>();
}

public sealed partial class MesaDbContext
{
    internal DbSet<UnknownAccountSignIn> UnknownAccountSignIns => Set<UnknownAccountSignIn>();
}
