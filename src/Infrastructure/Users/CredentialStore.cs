using MesaServicios.Application.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.Users;

/// <summary>
/// Adapter of <see cref="ICredentialStore"/> over ASP.NET Core Identity's UserManager. Lockout is counted here
/// against the application's <see cref="TimeProvider"/>: Identity's own lockout checks read the system clock.
/// Identity error codes become the Users module's message codes.
/// </summary>
internal sealed class CredentialStore(
    UserManager<AccountCredential> users,
    MesaServicios.Infrastructure.Common.Persistence.MesaDbContext db,
    IOptions<AuthOptions> options,
    TimeProvider clock) : ICredentialStore
{
    /// <summary>A hash of a random password, made once with the current hasher: unknown accounts are checked against it.</summary>
    private static string? _standInHash;

    private const string ResetPurpose = UserManager<AccountCredential>.ResetPasswordTokenPurpose;

    public async Task CreateAsync(Guid userId, string email, string? password, CancellationToken cancellationToken)
    {
        var credential = new AccountCredential { Id = userId, UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true };
        var result = password is null ? await users.CreateAsync(credential) : await users.CreateAsync(credential, password);
        EnsureSucceeded(result);
    }

    public async Task UpdateEmailAsync(Guid userId, string email, CancellationToken cancellationToken)
    {
        var credential = await Find(userId);
        credential.Email = email;
        credential.UserName = email;
        EnsureSucceeded(await users.UpdateAsync(credential));
    }

    public async Task<PasswordCheckResult> CheckPasswordAsync(Guid userId, string password, CancellationToken cancellationToken)
    {
        var credential = await users.FindByIdAsync(userId.ToString());
        if (credential is null)
        {
            return new PasswordCheckResult(PasswordCheck.Failed, null);
        }

        var now = clock.GetUtcNow();
        if (credential.LockoutEnd is { } lockedUntil && lockedUntil > now)
        {
            return new PasswordCheckResult(PasswordCheck.LockedOut, lockedUntil);
        }

        if (credential.PasswordHash is null)
        {
            // An invited account that has not set its password yet: the same hashing work as any other check.
            VerifyStandIn(password);
        }
        else if (await users.CheckPasswordAsync(credential, password))
        {
            if (credential.AccessFailedCount > 0 || credential.LockoutEnd is not null)
            {
                credential.AccessFailedCount = 0;
                credential.LockoutEnd = null;
                await users.UpdateAsync(credential);
            }

            return new PasswordCheckResult(PasswordCheck.Succeeded, null);
        }

        credential.AccessFailedCount++;
        if (credential.AccessFailedCount >= options.Value.MaxFailedAttempts)
        {
            credential.AccessFailedCount = 0;
            credential.LockoutEnd = now.AddMinutes(options.Value.LockoutMinutes);
            await users.UpdateAsync(credential);
            return new PasswordCheckResult(PasswordCheck.LockedOut, credential.LockoutEnd);
        }

        await users.UpdateAsync(credential);
        return new PasswordCheckResult(PasswordCheck.Failed, null);
    }

    public async Task<PasswordCheckResult> CheckUnknownAccountAsync(string email, string password, CancellationToken cancellationToken)
    {
        var key = email.Trim().ToLowerInvariant();
        if (key.Length > 256)
        {
            key = key[..256];
        }

        var record = await db.UnknownAccountSignIns.FindAsync([key], cancellationToken);
        var now = clock.GetUtcNow();
        if (record?.LockoutEnd is { } lockedUntil && lockedUntil > now)
        {
            return new PasswordCheckResult(PasswordCheck.LockedOut, lockedUntil);
        }

        VerifyStandIn(password);
        if (record is null)
        {
            record = new UnknownAccountSignIn { Email = key };
            db.UnknownAccountSignIns.Add(record);
        }

        record.LastFailureAt = now;
        record.AccessFailedCount++;
        var outcome = new PasswordCheckResult(PasswordCheck.Failed, null);
        if (record.AccessFailedCount >= options.Value.MaxFailedAttempts)
        {
            record.AccessFailedCount = 0;
            record.LockoutEnd = now.AddMinutes(options.Value.LockoutMinutes);
            outcome = new PasswordCheckResult(PasswordCheck.LockedOut, record.LockoutEnd);
        }

        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    public async Task ForgetUnknownSignInsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stale = await db.UnknownAccountSignIns
            .Where(s => s.LastFailureAt < before && (s.LockoutEnd == null || s.LockoutEnd < now))
            .Take(1000)
            .ToListAsync(cancellationToken);
        db.UnknownAccountSignIns.RemoveRange(stale);
    }

    private void VerifyStandIn(string password)
    {
        var standIn = new AccountCredential();
        _standInHash ??= users.PasswordHasher.HashPassword(standIn, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        _ = users.PasswordHasher.VerifyHashedPassword(standIn, _standInHash, password);
    }

    public async Task<IReadOnlyList<string>> ValidatePasswordAsync(Guid? userId, string email, string password, CancellationToken cancellationToken)
    {
        var credential = userId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        credential ??= new AccountCredential { UserName = email, Email = email };
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, credential, password);
            errors.AddRange(result.Errors.Select(e => Translate(e.Code)));
        }

        return errors.Distinct().ToList();
    }

    public async Task<IReadOnlyList<string>> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var credential = await Find(userId);
        var result = await users.ChangePasswordAsync(credential, currentPassword, newPassword);
        return Codes(result);
    }

    public async Task<string> CreatePasswordResetTokenAsync(Guid userId, CancellationToken cancellationToken) =>
        await users.GenerateUserTokenAsync(await Find(userId), ExpiringTokenProvider.ProviderName, ResetPurpose);

    public async Task<string> CreateInvitationTokenAsync(Guid userId, CancellationToken cancellationToken) =>
        await users.GenerateUserTokenAsync(await Find(userId), ExpiringTokenProvider.ProviderName, ResetPurpose + ExpiringTokenProvider.InvitationSuffix);

    public async Task<IReadOnlyList<string>> ResetPasswordAsync(Guid userId, string token, string newPassword, CancellationToken cancellationToken)
    {
        var credential = await Find(userId);
        var result = await users.ResetPasswordAsync(credential, token, newPassword);
        if (result.Succeeded)
        {
            credential.AccessFailedCount = 0;
            credential.LockoutEnd = null;
            EnsureSucceeded(await users.UpdateAsync(credential));
        }

        return Codes(result);
    }

    public async Task<bool> HasPasswordAsync(Guid userId, CancellationToken cancellationToken) =>
        await users.HasPasswordAsync(await Find(userId));

    private async Task<AccountCredential> Find(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"No credentials for user {userId}.");

    private static IReadOnlyList<string> Codes(IdentityResult result) =>
        result.Succeeded ? [] : result.Errors.Select(e => Translate(e.Code)).Distinct().ToList();

    /// <summary>Identity's own codes, as the Users module names them.</summary>
    private static string Translate(string code) => code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => "users.current_password_wrong",
        nameof(IdentityErrorDescriber.InvalidToken) => "auth.invalid_reset_token",
        nameof(IdentityErrorDescriber.PasswordTooShort) => "users.password_too_short",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "users.password_too_simple",
        _ => code,
    };

    private static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused the operation: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
