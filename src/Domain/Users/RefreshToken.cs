namespace MesaServicios.Domain.Users;

/// <summary>
/// One refresh token of a session family. Only its SHA-256 hash is stored. A token is used once: using it
/// rotates it; presenting it again means it leaked, and the whole session is revoked.
/// </summary>
public sealed class RefreshToken
{
    private RefreshToken()
    {
        TokenHash = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public string TokenHash { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When the token was exchanged for a new one; a second use after this is a reuse.</summary>
    public DateTimeOffset? RotatedAt { get; private set; }

    public static RefreshToken Issue(Guid sessionId, string tokenHash, DateTimeOffset expiresAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SessionId = sessionId,
        TokenHash = tokenHash,
        IssuedAt = now,
        ExpiresAt = expiresAt,
    };
}
