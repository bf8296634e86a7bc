using MesaServicios.Application.Users;
using Microsoft.AspNetCore.Identity;

namespace MesaServicios.Infrastructure.Users;

/// <summary>Adapter of <see cref="ICredentialStore"/> over ASP.NET Core Identity's UserManager.</summary>
internal sealed class CredentialStore(UserManager<AccountCredential> users, TimeProvider clock) : ICredentialStore
{
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

        if (await users.IsLockedOutAsync(credential))
        {
            return new PasswordCheckResult(PasswordCheck.LockedOut, credential.LockoutEnd);
        }

        if (await users.CheckPasswordAsync(credential, password))
        {
            if (credential.AccessFailedCount > 0)
            {
                await users.ResetAccessFailedCountAsync(credential);
            }

            return new PasswordCheckResult(PasswordCheck.Succeeded, null);
        }

        await users.AccessFailedAsync(credential);
        return await users.IsLockedOutAsync(credential)
            ? new PasswordCheckResult(PasswordCheck.LockedOut, credential.LockoutEnd)
            : new PasswordCheckResult(PasswordCheck.Failed, null);
    }

    public async Task<IReadOnlyList<string>> ValidatePasswordAsync(Guid? userId, string email, string password, CancellationToken cancellationToken)
    {
        var credential = userId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        credential ??= new AccountCredential { UserName = email, Email = email };
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, credential, password);
            errors.AddRange(result.Errors.Select(e => e.Code));
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
        await users.GeneratePasswordResetTokenAsync(await Find(userId));

    public async Task<IReadOnlyList<string>> ResetPasswordAsync(Guid userId, string token, string newPassword, CancellationToken cancellationToken)
    {
        var credential = await Find(userId);
        var result = await users.ResetPasswordAsync(credential, token, newPassword);
        if (result.Succeeded)
        {
            await users.SetLockoutEndDateAsync(credential, null);
            await users.ResetAccessFailedCountAsync(credential);
        }

        return Codes(result);
    }

    public async Task<bool> HasPasswordAsync(Guid userId, CancellationToken cancellationToken) =>
        await users.HasPasswordAsync(await Find(userId));

    private async Task<AccountCredential> Find(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"No credentials for user {userId}.");

    private static IReadOnlyList<string> Codes(IdentityResult result) =>
        result.Succeeded ? [] : result.Errors.Select(e => e.Code).ToList();

    private static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused the operation: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }

    // Kept for the lockout clock: Identity reads TimeProvider from DI as well.
    internal TimeProvider Clock => clock;
}
