using MesaServicios.Domain.Users;
using Riok.Mapperly.Abstractions;

namespace MesaServicios.Application.Users;

/// <summary>A user as the API shows it.</summary>
public sealed record UserProfile(
    Guid Id,
    string Email,
    string FullName,
    string? Department,
    string? Phone,
    UserRole Role,
    bool IsActive,
    string Language,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

[Mapper]
internal static partial class UserMapper
{
    [MapperIgnoreSource(nameof(User.DomainEvents))]
    [MapperIgnoreSource(nameof(User.DeskSince))]
    public static partial UserProfile ToProfile(this User user);

    public static partial IQueryable<UserProfile> ProjectToProfile(this IQueryable<User> users);
}
