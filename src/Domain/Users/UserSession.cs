using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Users;

/// <summary>
/// A signed-in session: one family of rotating refresh tokens. Access tokens carry the session id, so
/// revoking the session ends every token issued for it at once.
/// </summary>
public sealed class UserSession : Entity
{
    private UserSession()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The session ends at the latest here (the refresh token lifetime).</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedReason { get; private set; }

    public string? ClientAddress { get; private set; }

    public static UserSession Start(Guid userId, TimeSpan lifetime, string? clientAddress, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
        ClientAddress = clientAddress is { Length: > 64 } ? clientAddress[..64] : clientAddress,
    };

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public void Revoke(string reason, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        RevokedReason = reason;
    }
}

/// <summary>Why a session ended; stored for the audit trail.</summary>
public static class SessionEndReasons
{
    public const string SignedOut = "signed_out";
    public const string RefreshTokenReused = "refresh_token_reused";
    public const string PasswordChanged = "password_changed";
    public const string PasswordReset = "password_reset";
    public const string UserDeactivated = "user_deactivated";
    public const string RoleChanged = "role_changed";
}
