using Mediator;

namespace MesaServicios.Application.Reservations.Contracts;

/// <summary>
/// What other modules hear of a reservation, published inside the transaction of the change (so reactions such as
/// notifications commit with it). Each event carries what a message needs: the item, the window and the people.
/// </summary>
public abstract record ReservationIntegrationEvent : INotification
{
    public Guid ReservationId { get; init; }

    public Guid HolderId { get; init; }

    /// <summary>Who did it; null when the system did (a job).</summary>
    public Guid? ActorId { get; init; }

    public Guid ItemId { get; init; }

    public string ItemCode { get; init; } = string.Empty;

    public string ItemName { get; init; } = string.Empty;

    public string MaterialType { get; init; } = string.Empty;

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset EndsAt { get; init; }

    /// <summary>The institution's time zone (IANA id), to show the window as people read it.</summary>
    public string TimeZone { get; init; } = "America/Bogota";

    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A booking was made (the confirmation).</summary>
public sealed record ReservationConfirmedIntegrationEvent : ReservationIntegrationEvent
{
    public string Purpose { get; init; } = string.Empty;
}

public sealed record ReservationCancelledIntegrationEvent : ReservationIntegrationEvent
{
    /// <summary>Cancelled by the desk (not by the person himself).</summary>
    public bool ByDesk { get; init; }

    public string? Reason { get; init; }
}

public sealed record ReservationCheckedOutIntegrationEvent : ReservationIntegrationEvent;

public sealed record ReservationReturnedIntegrationEvent : ReservationIntegrationEvent
{
    public bool Damaged { get; init; }

    public string? Notes { get; init; }
}

/// <summary>The start is near and the item is not picked up yet.</summary>
public sealed record ReservationPickupReminderIntegrationEvent : ReservationIntegrationEvent;

/// <summary>The end is near and the item is still out.</summary>
public sealed record ReservationReturnDueSoonIntegrationEvent : ReservationIntegrationEvent;

/// <summary>Past its end and still out: <see cref="ToDesk"/> false tells the person, true (later) the desk.</summary>
public sealed record ReservationOverdueIntegrationEvent : ReservationIntegrationEvent
{
    public bool ToDesk { get; init; }
}

/// <summary>Not picked up within the grace period: the item is freed.</summary>
public sealed record ReservationNoShowIntegrationEvent : ReservationIntegrationEvent;
