using System.Security.Claims;
using MesaServicios.Application.Users;
using MesaServicios.Domain.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MesaServicios.Infrastructure.Users;

/// <summary>Signs JWT access tokens (HS256) carrying the user id, session id, role and language.</summary>
internal sealed class AccessTokenIssuer(SigningKeyProvider keys, IOptions<JwtOptions> jwt, IOptions<AuthOptions> auth) : IAccessTokenIssuer
{
    public const string SessionClaim = "sid";
    public const string LanguageClaim = "lang";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public AccessToken Issue(User user, Guid sessionId, DateTimeOffset now)
    {
        var expires = now.AddMinutes(auth.Value.AccessTokenMinutes);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = jwt.Value.Issuer,
            Audience = jwt.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim(SessionClaim, sessionId.ToString()),
                new Claim(JwtRegisteredClaimNames.Email, user.Email),
                new Claim(JwtRegisteredClaimNames.Name, user.FullName),
                new Claim("role", user.Role.ToString()),
                new Claim(LanguageClaim, user.Language),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
        };
        return new AccessToken(Handler.CreateToken(descriptor), expires);
    }
}
