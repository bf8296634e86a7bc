using MesaServicios.Application.Common;
using MesaServicios.Application.Notifications;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace MesaServicios.WebApi.Common;

/// <summary>
/// This service's public address for links in e-mails: <c>Notifications:ApiBaseUrl</c> when set; else the address
/// of the request being served (scheme, host, base path); for mails written by jobs, the address of the latest
/// request; before any request, the first address the server listens on.
/// </summary>
internal sealed class PublicAddress(IOptionsMonitor<NotificationsOptions> options, IHttpContextAccessor http, IServer server) : IPublicAddress
{
    private string? _latest;

    public string BaseUrl
    {
        get
        {
            // The bound options, not the configuration's indexer: that takes a lock on every read (several per new ticket).
            var configured = options.CurrentValue.ApiBaseUrl;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured.TrimEnd('/');
            }

            if (http.HttpContext?.Request is { Host.HasValue: true } request)
            {
                var current = $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
                _latest = current;
                return current;
            }

            return _latest
                ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/')
                ?? "http://localhost";
        }
    }
}
