namespace MesaServicios.Application.Common;

/// <summary>The portal people use (section "Portal"): the base of every link in an e-mail.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    public string BaseUrl { get; set; } = "http://localhost:5173";

    /// <summary>The portal page where a person sets a new password with a token from an e-mail.</summary>
    public string ResetPasswordLink(string email, string token) =>
        $"{BaseUrl.TrimEnd('/')}/restablecer-contrasena?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}";
}
