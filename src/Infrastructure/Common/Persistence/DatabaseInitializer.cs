using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.Infrastructure.Common.Persistence;

/// <summary>
/// Data a module makes sure exists at start, after the migrations (e.g. Users' first administrator). Registered by
/// the module (<c>services.AddScoped&lt;IStartupSeed, X&gt;()</c>); run in registration order, in one scope.
/// </summary>
public interface IStartupSeed
{
    Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>At start: applies the committed migrations, then runs each module's <see cref="IStartupSeed"/>.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<MesaDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        foreach (var seed in provider.GetServices<IStartupSeed>())
        {
            await seed.SeedAsync(provider, cancellationToken);
        }
    }
}
