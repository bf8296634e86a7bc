using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MesaServicios.Infrastructure.Common.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MesaDbContext>
{
    public MesaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MesaDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(MesaDbContext).Assembly.FullName))
            .Options;
        return new MesaDbContext(options);
    }
}
