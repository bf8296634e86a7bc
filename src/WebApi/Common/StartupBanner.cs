using MesaServicios.Infrastructure.Common;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MesaServicios.WebApi.Common;

/// <summary>
/// Runs the host and, once it listens, prints what the person who started it needs as the last lines of the
/// start-up: where Swagger UI is and, the first time in Development, the administrator's credentials. SQL command
/// logging is off by default (<c>Logging:LogLevel:Microsoft.EntityFrameworkCore</c> is Warning), so nothing buries it.
/// </summary>
internal static partial class StartupBanner
{
    public static async Task RunWithStartupBannerAsync(this WebApplication app)
    {
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = addresses.Select(a => $"Swagger UI: {a.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/')}/swagger")
            .Concat(app.Services.GetRequiredService<StartupNotices>().Snapshot());
        LogReady(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MesaServicios.Ready"), string.Concat(lines.Select(line => Environment.NewLine + "  " + line)));
        await app.WaitForShutdownAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mesa de Servicios is ready:{Lines}")]
    private static partial void LogReady(ILogger logger, string lines);
}
