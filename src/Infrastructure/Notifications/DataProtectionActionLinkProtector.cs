using System.Security.Cryptography;
using MesaServicios.Application.Notifications.Links;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>
/// Signs (and encrypts) a link id with ASP.NET Core Data Protection under a purpose of its own; the keys are the
/// application's data-protection keys, shared by every node. Base64url, so the token travels in a URL path.
/// </summary>
internal sealed class DataProtectionActionLinkProtector(IDataProtectionProvider provider) : IActionLinkProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("MesaServicios.Notifications.ActionLinks.v1");

    public string Protect(Guid linkId) => WebEncoders.Base64UrlEncode(_protector.Protect(linkId.ToByteArray()));

    public Guid? Unprotect(string token)
    {
        try
        {
            var bytes = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
