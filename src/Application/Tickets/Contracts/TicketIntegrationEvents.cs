using Mediator;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.Contracts;

/// <summary>
/// What other modules hear of a ticket. The Tickets module publishes one of these for each domain event, inside
/// the transaction of the change (so reactions such as notifications commit with it). Each event carries the
/// ticket's participants at that moment, so listeners need no further query to know who is concerned.
/// </summary>
public abstract record TicketIntegrationEvent : INotification
{
    /// <summary>The ticket's id, which is also its number shown to people as <c>#N</c>.</summary>
    public required int TicketId { get; init; }

    public required string Title { get; init; }

    /// <summary>Who did it; null when the system did (e.g. automatic closure).</summary>
    public required Guid? ActorId { get; init; }

    public required Guid RequesterId { get; init; }

    public Guid? AssignedTechnicianId { get; init; }

    public IReadOnlyList<Guid> ObserverIds { get; init; } = [];

    /// <summary>Status after the change (New, InProgress, Pending, Solved, Closed).</summary>
    public required TicketStatus Status { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record TicketCreatedIntegrationEvent : TicketIntegrationEvent
{
    /// <summary>Incident or Request.</summary>
    public required TicketType Type { get; init; }

    /// <summary>VeryLow … VeryHigh.</summary>
    public required Urgency Urgency { get; init; }

    /// <summary>Portal, Phone, Email.</summary>
    public required TicketSource Source { get; init; }

    public required string Description { get; init; }

    /// <summary>What the requester of an e-mail ticket still has to send (<c>name</c>, <c>department</c>, <c>phone</c>, <c>detail</c>); empty otherwise.</summary>
    public IReadOnlyList<string> MissingDetails { get; init; } = [];
}

public sealed record TicketAssignedIntegrationEvent : TicketIntegrationEvent
{
    public Guid? PreviousTechnicianId { get; init; }
}

public sealed record TicketFollowUpAddedIntegrationEvent : TicketIntegrationEvent
{
    public required Guid FollowUpId { get; init; }

    /// <summary>Private follow-ups are for technicians only.</summary>
    public required bool IsPrivate { get; init; }

    public required string Content { get; init; }
}

public sealed record TicketPendingIntegrationEvent : TicketIntegrationEvent
{
    public required string Reason { get; init; }
}

public sealed record TicketSolvedIntegrationEvent : TicketIntegrationEvent
{
    public required string Solution { get; init; }
}

public sealed record TicketApprovedIntegrationEvent : TicketIntegrationEvent
{
    public string? Comment { get; init; }
}

public sealed record TicketRejectedIntegrationEvent : TicketIntegrationEvent
{
    public required string Reason { get; init; }
}

public sealed record TicketObserverAddedIntegrationEvent : TicketIntegrationEvent
{
    public required Guid ObserverId { get; init; }
}

public sealed record TicketClosedIntegrationEvent : TicketIntegrationEvent
{
    /// <summary>True when closed by the auto-close job rather than by the requester's approval.</summary>
    public required bool Automatic { get; init; }
}

public sealed record TicketObserverRemovedIntegrationEvent : TicketIntegrationEvent
{
    /// <summary>The user who no longer observes the ticket (not listed in <see cref="TicketIntegrationEvent.ObserverIds"/> any more).</summary>
    public required Guid ObserverId { get; init; }
}
