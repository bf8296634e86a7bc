using Mediator;
using MesaServicios.Domain.Users;

namespace MesaServicios.Application.Users.Contracts;

/// <summary>What other modules may know of a user.</summary>
public sealed record UserSnapshot(
    Guid Id,
    string Email,
    string FullName,
    string? Department,
    string? Phone,
    UserRole Role,
    bool IsActive,
    string Language);

/// <summary>Users by id (missing ids are simply absent from the result).</summary>
public sealed record GetUserSnapshotsQuery(IReadOnlyCollection<Guid> UserIds) : IQuery<IReadOnlyList<UserSnapshot>>;

/// <summary>Users by e-mail, case-insensitive (unknown addresses are absent from the result).</summary>
public sealed record FindUsersByEmailQuery(IReadOnlyCollection<string> Emails) : IQuery<IReadOnlyList<UserSnapshot>>;

/// <summary>Active users holding at least a role (e.g. every technician, for alerts on new tickets).</summary>
public sealed record ListActiveUsersByRoleQuery(UserRole AtLeast) : IQuery<IReadOnlyList<UserSnapshot>>;

/// <summary>
/// Whether the user is on the desk now (an active technician or administrator): the language he reads and since when
/// he is on it; null for anyone else.
/// </summary>
public sealed record GetDeskMembershipQuery(Guid UserId) : IQuery<DeskMembership?>;

public sealed record DeskMembership(string Language, DateTimeOffset Since);
