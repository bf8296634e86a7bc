using System.Buffers.Text;
using MesaServicios.Application.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.Users;

/// <summary>
/// Password-reset tokens that expire by the application's <see cref="TimeProvider"/> (Identity's own
/// DataProtectorTokenProvider reads the system clock, which a test cannot move). The token carries its own
/// expiry, the user id, the purpose and the security stamp, protected by ASP.NET Core Data Protection: it
/// works once and dies with any password change, because both change the security stamp.
/// A purpose ending in <see cref="InvitationSuffix"/> gives the longer lifetime of an invitation to a new
/// account; the token is still a reset token for that purpose.
/// </summary>
internal sealed class ExpiringTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IOptions<AuthOptions> options)
    : IUserTwoFactorTokenProvider<AccountCredential>
{
    public const string ProviderName = "MesaExpiring";
    public const string InvitationSuffix = ":invitation";

    private readonly IDataProtector _protector = protection.CreateProtector("MesaServicios.Users.AccountTokens.v1");

    public async Task<string> GenerateAsync(string purpose, UserManager<AccountCredential> manager, AccountCredential user)
    {
        var invitation = purpose.EndsWith(InvitationSuffix, StringComparison.Ordinal);
        var basePurpose = invitation ? purpose[..^InvitationSuffix.Length] : purpose;
        var lifetime = invitation
            ? TimeSpan.FromDays(options.Value.InvitationTokenDays)
            : TimeSpan.FromMinutes(options.Value.PasswordResetTokenMinutes);
        using var stream = new MemoryStream();
        await using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((clock.GetUtcNow() + lifetime).UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(basePurpose);
            writer.Write(await manager.GetSecurityStampAsync(user) ?? string.Empty);
        }

        return Base64Url.EncodeToString(_protector.Protect(stream.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AccountCredential> manager, AccountCredential user)
    {
        long expiresTicks;
        string userId;
        string tokenPurpose;
        string stamp;
        try
        {
            var data = _protector.Unprotect(Base64Url.DecodeFromChars(token));
            using var reader = new BinaryReader(new MemoryStream(data), System.Text.Encoding.UTF8);
            expiresTicks = reader.ReadInt64();
            userId = reader.ReadString();
            tokenPurpose = reader.ReadString();
            stamp = reader.ReadString();
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException or EndOfStreamException or IOException)
        {
            return false;
        }

        return new DateTimeOffset(expiresTicks, TimeSpan.Zero) > clock.GetUtcNow()
            && userId == await manager.GetUserIdAsync(user)
            && tokenPurpose == purpose
            && stamp == (await manager.GetSecurityStampAsync(user) ?? string.Empty);
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AccountCredential> manager, AccountCredential user) => Task.FromResult(false);
}
