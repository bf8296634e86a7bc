using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace MesaServicios.Infrastructure.Users;

/// <summary>
/// The desk's password policy: at least 10 characters, at least 4 different ones, not the e-mail address nor
/// its local part (and not containing them; local parts under 3 characters are ignored), and not one of the
/// common passwords shipped with the application
/// (compared ignoring case). Error codes are the Users module's message codes.
/// </summary>
internal sealed class PasswordPolicyValidator : IPasswordValidator<AccountCredential>
{
    public const int MinimumLength = 10;
    public const int MinimumDistinctCharacters = 4;

    public Task<IdentityResult> ValidateAsync(UserManager<AccountCredential> manager, AccountCredential user, string? password)
    {
        var errors = Validate(user.Email ?? user.UserName, password ?? string.Empty)
            .Select(code => new IdentityError { Code = code, Description = code })
            .ToArray();
        return Task.FromResult(errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors));
    }

    public static IReadOnlyList<string> Validate(string? email, string password)
    {
        var errors = new List<string>();
        if (password.Length < MinimumLength)
        {
            errors.Add("users.password_too_short");
        }
        else if (password.Distinct().Count() < MinimumDistinctCharacters)
        {
            errors.Add("users.password_too_simple");
        }

        if (!string.IsNullOrWhiteSpace(email))
        {
            var address = email.Trim();
            var at = address.IndexOf('@', StringComparison.Ordinal);
            var local = at > 0 ? address[..at] : address;
            if (password.Contains(address, StringComparison.OrdinalIgnoreCase)
                || (local.Length >= 3 && password.Contains(local, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add("users.password_contains_email");
            }
        }

        if (CommonPasswords.Contains(password))
        {
            errors.Add("users.password_common");
        }

        return errors;
    }
}

/// <summary>Common passwords (English and Spanish, with the usual number and year endings), embedded in the assembly.</summary>
internal static class CommonPasswords
{
    private static readonly Lazy<FrozenSet<string>> Set = new(Load);

    public static int Count => Set.Value.Count;

    public static bool Contains(string password) => Set.Value.Contains(password.Trim());

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("MesaServicios.Infrastructure.Users.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords resource is missing.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim());
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
