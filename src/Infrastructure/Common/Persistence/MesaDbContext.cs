using MesaServicios.Infrastructure.Users;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

/// <summary>
/// The one database of the monolith. Each module sees only its own interface (<see cref="IUsersDbContext"/>, …);
/// each module's tables are configured in its own folder.
/// </summary>
public sealed partial class MesaDbContext(DbContextOptions<MesaDbContext> options)
    : IdentityUserContext<AccountCredential, Guid>(options)
{
    // Each module adds its interface and tables in a partial file in its own folder (e.g. Users/MesaDbContext.Users.cs).

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
