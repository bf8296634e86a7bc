namespace MesaServicios.Domain.Users;

/// <summary>
/// One "forgot my password" request, written for every address (known or not) before the answer: the durable
/// request that a background step turns into a reset mail when the address has an active account, then deletes.
/// The answer so never waits for work that only existing accounts cause.
/// </summary>
public sealed class PasswordResetRequest
{
    private PasswordResetRequest()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The address as given, trimmed and in lower case.</summary>
    public string Email { get; private set; } = string.Empty;

    public DateTimeOffset RequestedAt { get; private set; }

    public static PasswordResetRequest Create(string email, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Email = Normalize(email),
        RequestedAt = now,
    };

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
