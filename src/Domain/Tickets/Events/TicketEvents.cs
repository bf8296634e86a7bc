using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Tickets.Events;

/// <summary>The ticket as it was when an event happened: values, not the live aggregate.</summary>
public sealed record TicketSnapshot(
    int TicketId,
    string Title,
    string Description,
    TicketStatus Status,
    TicketType Type,
    Urgency Urgency,
    TicketSource Source,
    Guid RequesterId,
    Guid? AssignedTechnicianId,
    IReadOnlyList<Guid> ObserverIds);

/// <summary>
/// Base of the ticket's events: snapshots of what happened, with the ticket's values (number, status,
/// participants) captured at the moment of the event. Listeners read nothing from the aggregate.
/// </summary>
public abstract record TicketEvent(TicketSnapshot Ticket, Guid? ActorId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record TicketCreated(TicketSnapshot Ticket, Guid? ActorId, DateTimeOffset OccurredAt) : TicketEvent(Ticket, ActorId, OccurredAt)
{
    /// <summary>What the requester still has to send (see <see cref="TicketDraft.MissingDetails"/>); empty when nothing is missing.</summary>
    public IReadOnlyList<string> MissingDetails { get; init; } = [];
}

public sealed record TicketAssigned(TicketSnapshot Ticket, Guid? ActorId, Guid? PreviousTechnicianId, Guid TechnicianId, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketUnassigned(TicketSnapshot Ticket, Guid? ActorId, Guid PreviousTechnicianId, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketFollowUpAdded(TicketSnapshot Ticket, Guid? ActorId, Guid FollowUpId, bool IsPrivate, string Content, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketPutPending(TicketSnapshot Ticket, Guid? ActorId, string Reason, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketSolved(TicketSnapshot Ticket, Guid? ActorId, string Solution, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketApproved(TicketSnapshot Ticket, Guid? ActorId, string? Comment, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketRejected(TicketSnapshot Ticket, Guid? ActorId, string Reason, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketObserverAdded(TicketSnapshot Ticket, Guid? ActorId, Guid ObserverId, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketObserverRemoved(TicketSnapshot Ticket, Guid? ActorId, Guid ObserverId, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketClosed(TicketSnapshot Ticket, Guid? ActorId, bool Automatic, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);
