namespace MesaServicios.Infrastructure.Users;

/// <summary>
/// Failed sign-ins naming an address that has no active account, counted exactly like an account's own failures
/// (<see cref="AccountCredential.AccessFailedCount"/>, <see cref="AccountCredential.LockoutEnd"/>): after
/// Auth:MaxFailedAttempts the address answers "locked" for Auth:LockoutMinutes, as an existing account would, so
/// neither the status nor the timing of a sign-in tells whether an account exists. Keyed by the normalised e-mail.
/// </summary>
public sealed class UnknownAccountSignIn
{
    public string Email { get; set; } = string.Empty;

    public int AccessFailedCount { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    /// <summary>Last failure; rows idle for longer than the lockout are purged by retention.</summary>
    public DateTimeOffset LastFailureAt { get; set; }
}
