using Mediator;
using MesaServicios.Application.Common.Events;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Tickets.Events;

namespace MesaServicios.Application.Tickets.IntegrationEvents;

/// <summary>
/// Tells other modules what happened to a ticket: one Tickets.Contracts event per domain event, published inside
/// the same transaction (so reactions such as queued e-mails commit with the change), built from the event's
/// snapshot: the values and participants as they were when it happened.
/// </summary>
internal sealed class PublishTicketIntegrationEvents(IPublisher publisher) :
    IDomainEventHandler<TicketCreated>,
    IDomainEventHandler<TicketAssigned>,
    IDomainEventHandler<TicketUnassigned>,
    IDomainEventHandler<TicketFollowUpAdded>,
    IDomainEventHandler<TicketPutPending>,
    IDomainEventHandler<TicketSolved>,
    IDomainEventHandler<TicketApproved>,
    IDomainEventHandler<TicketRejected>,
    IDomainEventHandler<TicketObserverAdded>,
    IDomainEventHandler<TicketObserverRemoved>,
    IDomainEventHandler<TicketClosed>
{
    public ValueTask Handle(TicketCreated e, CancellationToken cancellationToken) =>
        publisher.Publish(Fill(new TicketCreatedIntegrationEvent
        {
            TicketId = e.Ticket.TicketId, Title = e.Ticket.Title, ActorId = e.ActorId, RequesterId = e.Ticket.RequesterId,
            Status = e.Ticket.Status, OccurredAt = e.OccurredAt,
            Type = e.Ticket.Type, Urgency = e.Ticket.Urgency, Source = e.Ticket.Source, Description = e.Ticket.Description,
            MissingDetails = e.MissingDetails,
        }, e.Ticket), cancellationToken);

    public ValueTask Handle(TicketAssigned e, CancellationToken cancellationToken) =>
        publisher.Publish(Fill(new TicketAssignedIntegrationEvent
        {
            TicketId = e.Ticket.TicketId, Title = e.Ticket.Title, ActorId = e.ActorId, RequesterId = e.Ticket.RequesterId,
            Status = e.Ticket.Status, OccurredAt = e.OccurredAt, PreviousTechnicianId = e.PreviousTechnicianId,
        }, e.Ticket) with { AssignedTechnicianId = e.TechnicianId }, cancellationToken);

    /// <summary>Unassignment travels as an assignment to nobody (AssignedTechnicianId null, the previous one given).</summary>
    public ValueTask Handle(TicketUnassigned e, CancellationToken cancellationToken) =>
        publisher.Publish(Fill(new TicketAssignedIntegrationEvent
        {
            TicketId = e.Ticket.TicketId, Title = e.Ticket.Title, ActorId = e.ActorId, RequesterId = e.Ticket.RequesterId,
            Status = e.Ticket.Status, OccurredAt = e.OccurredAt, PreviousTechnicianId = e.PreviousTechnicianId,
        }, e.Ticket) with { AssignedTechnicianId = null }, cancellationToken);

    public ValueTask Handle(TicketFollowUpAdded e, CancellationToken cancellationToken) =>
        publisher.Publish(Fill(new TicketFollowUpAddedIntegrationEvent
        {
            TicketId = e.Ticket.TicketId, Title = e.Ticket.Title, ActorId = e.ActorId, RequesterId = e.Ticket.RequesterId,
            Status = e.Ticket.Status, OccurredAt = e.OccurredAt,
            FollowUpId = e.FollowUpId, IsPrivate = e.IsPrivate, Content = e.Content,
        }, e.Ticket), cancellationToken);

    public ValueTask Handle(TicketPutPending e, CancellationToken cancellationToken) =>
        publisher.Publish(Fill(new TicketPendingIntegrationEvent
        {
            TicketId = e.Ticket.TicketId, Title = e.Ticket.Title, ActorId = e.ActorId, RequesterId = e.Ticket.RequesterId,
            Status = e.Ticket.Status, OccurredAt = e.OccurredAt, Reason = e.Reason,
        }, e.Ticket), cancellationToken);

    public ValueTask Handle(TicketSolved e, CancellationToken cancellationToken) =>
        publisher.Publish(Fill(new TicketSolvedIntegrationEvent
        {
            TicketId = e.Ticket.TicketId, Title = e.Ticket.Title, ActorId = e.ActorId, RequesterId = e.Ticket.RequesterId,
            Status = e.Ticket.Status, OccurredAt = e.OccurredAt, Solution = e.Solution,
        }, e.Ticket), cancellationToken);

    public ValueTask Handle(TicketApproved e, CancellationToken cancellationToken) =>
        publisher.Publish(Fill(new TicketApprovedIntegrationEvent
        {
            TicketId = e.Ticket.TicketId, Title = e.Ticket.Title, ActorId = e.ActorId, RequesterId = e.Ticket.RequesterId,
            Status = e.Ticket.Status, OccurredAt = e.OccurredAt, Comment = e.Comment,
        }, e.Ticket), cancellationToken);

    public ValueTask Handle(TicketRejected e, CancellationToken cancellationToken) =>
        publisher.Publish(Fill(new TicketRejectedIntegrationEvent
        {
            TicketId = e.Ticket.TicketId, Title = e.Ticket.Title, ActorId = e.ActorId, RequesterId = e.Ticket.RequesterId,
            Status = e.Ticket.Status, OccurredAt = e.OccurredAt, Reason = e.Reason,
        }, e.Ticket), cancellationToken);

    public ValueTask Handle(TicketObserverAdded e, CancellationToken cancellationToken) =>
        publisher.Publish(Fill(new TicketObserverAddedIntegrationEvent
        {
            TicketId = e.Ticket.TicketId, Title = e.Ticket.Title, ActorId = e.ActorId, RequesterId = e.Ticket.RequesterId,
            Status = e.Ticket.Status, OccurredAt = e.OccurredAt, ObserverId = e.ObserverId,
        }, e.Ticket), cancellationToken);

    public ValueTask Handle(TicketObserverRemoved e, CancellationToken cancellationToken) =>
        publisher.Publish(Fill(new TicketObserverRemovedIntegrationEvent
        {
            TicketId = e.Ticket.TicketId, Title = e.Ticket.Title, ActorId = e.ActorId, RequesterId = e.Ticket.RequesterId,
            Status = e.Ticket.Status, OccurredAt = e.OccurredAt, ObserverId = e.ObserverId,
        }, e.Ticket), cancellationToken);

    public ValueTask Handle(TicketClosed e, CancellationToken cancellationToken) =>
        publisher.Publish(Fill(new TicketClosedIntegrationEvent
        {
            TicketId = e.Ticket.TicketId, Title = e.Ticket.Title, ActorId = e.ActorId, RequesterId = e.Ticket.RequesterId,
            Status = e.Ticket.Status, OccurredAt = e.OccurredAt, Automatic = e.Automatic,
        }, e.Ticket), cancellationToken);

    /// <summary>The participants as the event's snapshot captured them (not as the ticket stands at dispatch).</summary>
    private static T Fill<T>(T integrationEvent, TicketSnapshot ticket)
        where T : TicketIntegrationEvent =>
        integrationEvent with
        {
            AssignedTechnicianId = ticket.AssignedTechnicianId,
            ObserverIds = ticket.ObserverIds,
        };
}
