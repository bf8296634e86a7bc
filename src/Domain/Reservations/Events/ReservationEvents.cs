using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Reservations.Events;

/// <summary>A reservation as it was when something happened to it (a value, not the live aggregate).</summary>
public sealed record ReservationSnapshot(
    Guid Id,
    Guid ItemId,
    Guid HolderId,
    Guid BookedById,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Purpose,
    ReservationStatus Status);

public sealed record ReservationBooked(ReservationSnapshot Reservation, Guid ActorId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ReservationCheckedOut(ReservationSnapshot Reservation, Guid ActorId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ReservationReturned(ReservationSnapshot Reservation, Guid ActorId, ReturnCondition Condition, string? Notes, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ReservationCancelled(ReservationSnapshot Reservation, Guid ActorId, bool ByDesk, string? Reason, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ReservationMarkedNoShow(ReservationSnapshot Reservation, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ReservationMarkedOverdue(ReservationSnapshot Reservation, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ReservationNoticeDue(ReservationSnapshot Reservation, ReservationNotice Notice, DateTimeOffset OccurredAt) : IDomainEvent;
