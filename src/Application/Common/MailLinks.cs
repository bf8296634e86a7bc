using System.Globalization;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Common;

/// <summary>
/// Where the links in e-mails lead. With a portal (<c>Portal:BaseUrl</c> set) to its pages; without one (the
/// default) to the small pages this service serves itself under <see cref="PagesPrefix"/>, so that a desk with no
/// portal can still activate accounts and show tickets. Links that act on this service (approve / reject a
/// solution) always use its own public address.
/// </summary>
public sealed class MailLinks(IOptions<PortalOptions> portal, IPublicAddress address)
{
    /// <summary>The built-in pages' base path.</summary>
    public const string PagesPrefix = "/pages";

    /// <summary>This service's public address, without a trailing slash.</summary>
    public string Service => address.BaseUrl.TrimEnd('/');

    public bool HasPortal => !string.IsNullOrWhiteSpace(portal.Value.BaseUrl);

    /// <summary>The page where a person sets a new password with a token from an e-mail (invitation or reset).</summary>
    public string SetPassword(string email, string token) =>
        HasPortal
            ? portal.Value.ResetPasswordLink(email, token)
            : $"{Service}{PagesPrefix}/set-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}";

    /// <summary>The page of one ticket ("Ver el ticket").</summary>
    public string Ticket(int ticketId) =>
        HasPortal
            ? $"{portal.Value.BaseUrl.TrimEnd('/')}/tickets/{ticketId.ToString(CultureInfo.InvariantCulture)}"
            : $"{Service}{PagesPrefix}/tickets/{ticketId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The page of one reservation ("Ver la reserva"): the portal's, or the built-in one.</summary>
    public string Reservation(Guid reservationId) =>
        HasPortal
            ? $"{portal.Value.BaseUrl.TrimEnd('/')}/reservations/{reservationId}"
            : $"{Service}{PagesPrefix}/reservations/{reservationId}";
}
