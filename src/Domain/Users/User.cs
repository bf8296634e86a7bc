using MesaServicios.Domain.Common;
using MesaServicios.Domain.Users.Events;

namespace MesaServicios.Domain.Users;

/// <summary>A person who uses the desk: requester, technician or administrator.</summary>
public sealed class User : Entity
{
    private User()
    {
        Email = string.Empty;
        FullName = string.Empty;
        Language = Users.Language.Spanish;
    }

    public Guid Id { get; private set; }

    /// <summary>Institutional e-mail, stored lower-case; unique.</summary>
    public string Email { get; private set; }

    public string FullName { get; private set; }

    /// <summary>Dependencia: the office or unit the person belongs to.</summary>
    public string? Department { get; private set; }

    public string? Phone { get; private set; }

    public UserRole Role { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>"es" or "en": the language of the mails and messages the person reads.</summary>
    public string Language { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// When the person last joined the desk (became a technician or administrator); null for a requester, and for a
    /// desk member from before this was recorded (his account's creation counts then).
    /// </summary>
    public DateTimeOffset? DeskSince { get; private set; }

    public static User Create(
        string email,
        string fullName,
        string? department,
        string? phone,
        UserRole role,
        string? language,
        DateTimeOffset now)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(now),
            Email = NormalizeEmail(email),
            FullName = Guard.NotBlank(fullName, "users.name_required"),
            Department = Clean(department),
            Phone = Clean(phone),
            Role = role,
            IsActive = true,
            Language = Users.Language.Normalize(language),
            CreatedAt = now,
            UpdatedAt = now,
            DeskSince = role >= UserRole.Technician ? now : null,
        };
        user.Raise(new UserCreated(user.Id, user.Email, user.Role, now));
        return user;
    }

    public static string NormalizeEmail(string email) =>
        Guard.NotBlank(email, "users.email_required").ToLowerInvariant();

    public void UpdateProfile(string fullName, string? department, string? phone, string? language, DateTimeOffset now)
    {
        FullName = Guard.NotBlank(fullName, "users.name_required");
        Department = Clean(department);
        Phone = Clean(phone);
        Language = Users.Language.Normalize(language);
        UpdatedAt = now;
    }

    public void ChangeRole(UserRole role, DateTimeOffset now)
    {
        if (Role == role)
        {
            return;
        }

        var previous = Role;
        Role = role;
        UpdatedAt = now;
        if (role < UserRole.Technician)
        {
            DeskSince = null;
        }
        else if (previous < UserRole.Technician)
        {
            DeskSince = now;
        }

        Raise(new UserRoleChanged(Id, previous, role, now));
    }

    public void Deactivate(DateTimeOffset now)
    {
        if (!IsActive)
        {
            return;
        }

        IsActive = false;
        UpdatedAt = now;
        Raise(new UserDeactivated(Id, now));
    }

    public void Activate(DateTimeOffset now)
    {
        if (IsActive)
        {
            return;
        }

        IsActive = true;
        UpdatedAt = now;
    }

    public bool HasAtLeast(UserRole role) => Role >= role;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
