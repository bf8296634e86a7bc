using System.Security.Cryptography;
using System.Text;
using MesaServicios.Infrastructure.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace MesaServicios.Infrastructure.Users;

/// <summary>
/// The access-token signing key: from configuration (<c>Auth:SigningKey</c>), or in Development generated once
/// and kept under the data directory, so tokens survive restarts. Nothing secret lives in the repository.
/// </summary>
public sealed class SigningKeyProvider
{
    public SigningKeyProvider(IOptions<JwtOptions> options, IHostEnvironment environment, DataPaths paths)
    {
        var configured = options.Value.SigningKey;
        byte[] key;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            key = Decode(configured);
        }
        else if (environment.IsDevelopment())
        {
            var file = Path.Combine(paths.EnsureDirectory("keys"), "jwt-signing.key");
            if (!File.Exists(file))
            {
                var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
                try
                {
                    using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                    stream.Write(Encoding.ASCII.GetBytes(fresh));
                }
                catch (IOException) when (File.Exists(file))
                {
                    // Another process created it first: use theirs.
                }
            }

            key = Decode(File.ReadAllText(file).Trim());
        }
        else
        {
            throw new StartupRefusedException("Auth:SigningKey must be configured (at least 32 bytes, e.g. `openssl rand -base64 48`) outside Development.");
        }

        if (key.Length < 32)
        {
            throw new StartupRefusedException("Auth:SigningKey must be at least 32 bytes long (e.g. `openssl rand -base64 48`).");
        }

        Key = new SymmetricSecurityKey(key) { KeyId = Convert.ToHexString(SHA256.HashData(key))[..16] };
    }

    public SymmetricSecurityKey Key { get; }

    private static byte[] Decode(string value)
    {
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return Encoding.UTF8.GetBytes(value);
        }
    }
}
