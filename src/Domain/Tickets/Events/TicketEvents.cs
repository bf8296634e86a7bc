using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Tickets.Events;

/// <summary>
/// Base of the ticket's events. They carry the ticket itself: events are dispatched after the save, when the
/// ticket has its number, and listeners read its participants from it.
/// </summary>
public abstract record TicketEvent(Ticket Ticket, Guid? ActorId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record TicketCreated(Ticket Ticket, Guid? ActorId, DateTimeOffset OccurredAt) : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketAssigned(Ticket Ticket, Guid? ActorId, Guid? PreviousTechnicianId, Guid TechnicianId, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketUnassigned(Ticket Ticket, Guid? ActorId, Guid PreviousTechnicianId, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketFollowUpAdded(Ticket Ticket, Guid? ActorId, TicketFollowUp FollowUp, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketPutPending(Ticket Ticket, Guid? ActorId, string Reason, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketSolved(Ticket Ticket, Guid? ActorId, string Solution, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketApproved(Ticket Ticket, Guid? ActorId, string? Comment, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketRejected(Ticket Ticket, Guid? ActorId, string Reason, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketObserverAdded(Ticket Ticket, Guid? ActorId, Guid ObserverId, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketObserverRemoved(Ticket Ticket, Guid? ActorId, Guid ObserverId, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);

public sealed record TicketClosed(Ticket Ticket, Guid? ActorId, bool Automatic, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, ActorId, OccurredAt);
