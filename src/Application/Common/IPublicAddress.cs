namespace MesaServicios.Application.Common;

/// <summary>
/// This service's public address (scheme, host and base path, no trailing slash), for the links in e-mails that
/// lead back to it: <c>Notifications:ApiBaseUrl</c> when set, else the address the current (or latest) request came to.
/// </summary>
public interface IPublicAddress
{
    string BaseUrl { get; }
}
