using MesaServicios.Application.Notifications;
using MesaServicios.Application.Users;
using MesaServicios.Domain.Notifications;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure.Users;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

/// <summary>
/// The one database of the monolith. Each module sees only its own interface (<see cref="IUsersDbContext"/>, …);
/// each module's tables are configured in its own folder.
/// </summary>
public sealed partial class MesaDbContext(DbContextOptions<MesaDbContext> options)
    : IdentityUserContext<AccountCredential, Guid>(options), IUsersDbContext, INotificationsDbContext
{
    DbSet<User> IUsersDbContext.Users => Set<User>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MesaDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as sortable UTC ticks so ordering and range filters work the same on SQLite and PostgreSQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
