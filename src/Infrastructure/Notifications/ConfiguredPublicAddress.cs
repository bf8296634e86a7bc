using MesaServicios.Application.Common;
using MesaServicios.Application.Notifications;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>
/// The public address outside a web host (tools, benchmarks): <c>Notifications:ApiBaseUrl</c>, else
/// <c>http://localhost</c>. The web host replaces it with the address of the requests it serves.
/// </summary>
internal sealed class ConfiguredPublicAddress(IOptions<NotificationsOptions> options) : IPublicAddress
{
    public string BaseUrl => string.IsNullOrWhiteSpace(options.Value.ApiBaseUrl) ? "http://localhost" : options.Value.ApiBaseUrl.TrimEnd('/');
}
