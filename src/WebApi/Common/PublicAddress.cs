using MesaServicios.Application.Common;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Primitives;

namespace MesaServicios.WebApi.Common;

/// <summary>
/// This service's public address for links in e-mails: <c>Notifications:ApiBaseUrl</c> when set; else the address
/// of the request being served (scheme, host, base path); for mails written by jobs, the address of the latest
/// request; before any request, the first address the server listens on.
/// </summary>
internal sealed class PublicAddress : IPublicAddress
{
    private const string Key = "Notifications:ApiBaseUrl";
    private readonly IHttpContextAccessor _http;
    private readonly IServer _server;
    private string? _latest;

    // Read once and again when the configuration reloads: the configuration's indexer takes a lock on every read, and
    // a new ticket asks for this address several times.
    private volatile string? _configured;

    public PublicAddress(IConfiguration configuration, IHttpContextAccessor http, IServer server)
    {
        _http = http;
        _server = server;
        _configured = configuration[Key];
        ChangeToken.OnChange(configuration.GetReloadToken, () => _configured = configuration[Key]);
    }

    public string BaseUrl
    {
        get
        {
            var configured = _configured;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured.TrimEnd('/');
            }

            if (_http.HttpContext?.Request is { Host.HasValue: true } request)
            {
                var current = $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
                _latest = current;
                return current;
            }

            return _latest
                ?? _server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/')
                ?? "http://localhost";
        }
    }
}
