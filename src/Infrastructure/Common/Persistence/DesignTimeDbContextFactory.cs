using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MesaServicios.Infrastructure.Common.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build the model without starting the host. The SQLite migration set by default; the
/// PostgreSQL set with <c>-- --provider Postgres</c> (no server is contacted to add a migration or check the model).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MesaDbContext>
{
    public MesaDbContext CreateDbContext(string[] args)
    {
        var provider = args.SkipWhile(a => !string.Equals(a, "--provider", StringComparison.OrdinalIgnoreCase)).Skip(1).FirstOrDefault();
        var builder = new DbContextOptionsBuilder<MesaDbContext>();
        if (string.Equals(provider, nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase))
        {
            builder.UseNpgsql("Host=localhost;Database=mesa_design", npgsql => npgsql.MigrationsAssembly(DatabaseOptions.PostgresMigrationsAssembly));
        }
        else
        {
            builder.UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(MesaDbContext).Assembly.FullName));
        }

        return new MesaDbContext(builder.Options);
    }
}
