namespace MesaServicios.Application.Users;

/// <summary>Settings of the Users module (section "Users").</summary>
public sealed class UsersOptions
{
    public const string Section = "Users";

    /// <summary>Institutional e-mail domains accounts may use.</summary>
    public string[] AllowedDomains { get; set; } = ["iescinoc.edu.co"];

    public bool IsAllowedEmail(string email)
    {
        var at = email.LastIndexOf('@');
        if (at < 0)
        {
            return false;
        }

        var domain = email[(at + 1)..];
        return AllowedDomains.Any(d => string.Equals(d.Trim(), domain, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Sign-in settings (section "Auth").</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public int AccessTokenMinutes { get; set; } = 15;

    public int RefreshTokenDays { get; set; } = 14;

    public int MaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public int PasswordResetTokenMinutes { get; set; } = 60;

    /// <summary>How long the "set your password" link of a new account works.</summary>
    public int InvitationTokenDays { get; set; } = 7;
}
