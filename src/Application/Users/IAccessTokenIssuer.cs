using MesaServicios.Domain.Users;

namespace MesaServicios.Application.Users;

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>Port: signs short-lived access tokens for a user's session.</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(User user, Guid sessionId, DateTimeOffset now);
}
