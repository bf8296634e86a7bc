using MesaServicios.Domain.Users;

namespace MesaServicios.Application.Common.Security;

/// <summary>Port: who is acting. In HTTP requests the signed-in user; in background jobs, nobody (the system).</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    UserRole? Role { get; }

    Guid? SessionId { get; }

    /// <summary>"es" or "en", from the request's Accept-Language.</summary>
    string Language { get; }

    string? ClientAddress { get; }

    bool IsAuthenticated => UserId is not null;

    Guid RequiredUserId => UserId ?? throw Errors.Forbidden("auth.required");

    bool IsAtLeast(UserRole role) => Role is { } r && r >= role;
}
