namespace MesaServicios.Application.Notifications.Links;

/// <summary>
/// Port: signs an action link's id into an opaque, URL-safe token and checks it back (ASP.NET Core Data
/// Protection in Infrastructure). Expiry and single use are kept in the database, not in the token.
/// </summary>
public interface IActionLinkProtector
{
    string Protect(Guid linkId);

    /// <summary>The link id, or null when the token was not issued by us or was tampered with.</summary>
    Guid? Unprotect(string token);
}
