namespace MesaServicios.Application.Users;

public enum PasswordCheck
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>The outcome of a password check; <see cref="LockedUntil"/> is set when the account is locked.</summary>
public sealed record PasswordCheckResult(PasswordCheck Outcome, DateTimeOffset? LockedUntil);

/// <summary>
/// Port over the credential store (passwords, lockout, security stamps, reset tokens). The adapter uses
/// ASP.NET Core Identity: no hand-written cryptography.
/// </summary>
public interface ICredentialStore
{
    /// <summary>Creates the credentials of a new account; without a password the person sets one through "forgot password".</summary>
    Task CreateAsync(Guid userId, string email, string? password, CancellationToken cancellationToken);

    Task UpdateEmailAsync(Guid userId, string email, CancellationToken cancellationToken);

    /// <summary>Checks a password, counting failures and locking the account after too many.</summary>
    Task<PasswordCheckResult> CheckPasswordAsync(Guid userId, string password, CancellationToken cancellationToken);

    /// <summary>
    /// The same work as <see cref="CheckPasswordAsync"/> for an address without an active account: the password is
    /// hashed against a stand-in, and failures are counted and locked per address exactly as for an account, so
    /// neither status nor timing tells whether the account exists. Never succeeds.
    /// </summary>
    Task<PasswordCheckResult> CheckUnknownAccountAsync(string email, string password, CancellationToken cancellationToken);

    /// <summary>Retention: forgets failed sign-ins of unknown addresses last seen before <paramref name="before"/> and no longer locked.</summary>
    Task ForgetUnknownSignInsAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Error codes for a password that breaks the policy; empty when it is acceptable.</summary>
    Task<IReadOnlyList<string>> ValidatePasswordAsync(Guid? userId, string email, string password, CancellationToken cancellationToken);

    /// <summary>Changes the password if <paramref name="currentPassword"/> is right; returns error codes otherwise.</summary>
    Task<IReadOnlyList<string>> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken);

    /// <summary>A reset token valid for Auth:PasswordResetTokenMinutes.</summary>
    Task<string> CreatePasswordResetTokenAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>A reset token for a new account's "set your password" invitation, valid for Auth:InvitationTokenDays.</summary>
    Task<string> CreateInvitationTokenAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Sets a new password with a reset token; the token works once and dies with any password change.</summary>
    Task<IReadOnlyList<string>> ResetPasswordAsync(Guid userId, string token, string newPassword, CancellationToken cancellationToken);

    Task<bool> HasPasswordAsync(Guid userId, CancellationToken cancellationToken);
}
