using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Users.Events;

public sealed record UserCreated(Guid UserId, string Email, UserRole Role, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record UserRoleChanged(Guid UserId, UserRole Previous, UserRole Current, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record UserDeactivated(Guid UserId, DateTimeOffset OccurredAt) : IDomainEvent;
