using System.Globalization;
using System.Security.Claims;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Users;

namespace MesaServicios.WebApi.Common;

/// <summary>The signed-in user of the current HTTP request, read from the access token's claims.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? UserId => Guid.TryParse(Principal?.FindFirstValue("sub"), out var id) ? id : null;

    public UserRole? Role => Enum.TryParse<UserRole>(Principal?.FindFirstValue("role"), out var role) ? role : null;

    public Guid? SessionId => Guid.TryParse(Principal?.FindFirstValue("sid"), out var id) ? id : null;

    public string Language => Domain.Users.Language.Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
