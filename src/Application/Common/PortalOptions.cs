namespace MesaServicios.Application.Common;

/// <summary>
/// The portal people use (section "Portal"): the base of the links in e-mails. Empty (the default): there is no
/// portal, and e-mails link to the small pages this service serves (see <see cref="MailLinks"/>).
/// </summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The portal page where a person sets a new password with a token from an e-mail.</summary>
    public string ResetPasswordLink(string email, string token) =>
        $"{BaseUrl.TrimEnd('/')}/restablecer-contrasena?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}";
}
