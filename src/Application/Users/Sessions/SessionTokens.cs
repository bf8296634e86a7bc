using System.Security.Cryptography;
using System.Text;
using MesaServicios.Domain.Users;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Users.Sessions;

/// <summary>The tokens a client receives when it signs in or refreshes.</summary>
public sealed record TokenResult(
    string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt,
    Guid SessionId);

/// <summary>Issues the pair of tokens of a session: a signed access token and an opaque, hashed refresh token.</summary>
public sealed class SessionTokens(IUsersDbContext db, IAccessTokenIssuer issuer, IOptions<AuthOptions> options)
{
    public TokenResult Issue(User user, UserSession session, DateTimeOffset now)
    {
        var refresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var refreshExpires = Min(now.AddDays(options.Value.RefreshTokenDays), session.ExpiresAt);
        db.RefreshTokens.Add(RefreshToken.Issue(session.Id, Hash(refresh), refreshExpires, now));
        var access = issuer.Issue(user, session.Id, now);
        return new TokenResult(access.Token, access.ExpiresAt, refresh, refreshExpires, session.Id);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
