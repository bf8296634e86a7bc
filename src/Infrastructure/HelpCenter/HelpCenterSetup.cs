using Mediator;
using MesaServicios.Application.HelpCenter;
using MesaServicios.Application.HelpCenter.DefaultContent;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.HelpCenter;

public static class HelpCenterSetup
{
    /// <summary>The help centre's settings, tables, search index (SQLite FTS5 or PostgreSQL text search), vote turn, Markdown renderer and default content.</summary>
    public static IServiceCollection AddHelpCenter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HelpCenterOptions>().Bind(configuration.GetSection(HelpCenterOptions.Section));
        services.AddScoped<IHelpCenterDbContext>(sp => sp.GetRequiredService<MesaDbContext>());
        if (DatabaseOptions.ProviderOf(configuration) == DatabaseProvider.Postgres)
        {
            services.AddScoped<IHelpSearchIndex, PostgresHelpSearchIndex>();
            services.AddScoped<IHelpVoteTurn, PostgresHelpVoteTurn>();
        }
        else
        {
            services.AddScoped<IHelpSearchIndex, SqliteHelpSearchIndex>();
            services.AddSingleton<IHelpVoteTurn, SqliteHelpVoteTurn>();
        }

        services.AddSingleton<IMarkdownRenderer, MarkdigMarkdownRenderer>();
        services.AddHostedService<DefaultHelpContentSeeder>();
        return services;
    }
}

/// <summary>At start (after the migrations): creates the default articles that do not exist yet.</summary>
internal sealed class DefaultHelpContentSeeder(IServiceProvider services, IOptions<HelpCenterOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDefaultContent)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SeedDefaultHelpContentCommand(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
