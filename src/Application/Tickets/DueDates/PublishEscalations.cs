using Mediator;
using MesaServicios.Application.Common.Events;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Tickets.Events;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Tickets.DueDates;

/// <summary>
/// Tells other modules of a raised level, in the escalation's transaction: <see cref="TicketEscalatedIntegrationEvent"/>
/// for the four service-level levels, <see cref="TicketAutoCloseWarningIntegrationEvent"/> for the requester's reminder.
/// </summary>
internal sealed class PublishEscalations(IPublisher publisher, IOptions<TicketsOptions> options) : IDomainEventHandler<TicketEscalated>
{
    public ValueTask Handle(TicketEscalated e, CancellationToken cancellationToken)
    {
        var ticket = e.Ticket;
        if (e.Level == EscalationLevel.AutoCloseWarning)
        {
            return publisher.Publish(new TicketAutoCloseWarningIntegrationEvent
            {
                TicketId = ticket.TicketId, Title = ticket.Title, ActorId = null, RequesterId = ticket.RequesterId,
                AssignedTechnicianId = ticket.AssignedTechnicianId, ObserverIds = ticket.ObserverIds,
                Status = ticket.Status, OccurredAt = e.OccurredAt,
                ClosesAt = (e.SolvedAt ?? e.OccurredAt) + TimeSpan.FromDays(options.Value.AutoCloseAfterDays),
            }, cancellationToken);
        }

        return publisher.Publish(new TicketEscalatedIntegrationEvent
        {
            TicketId = ticket.TicketId, Title = ticket.Title, ActorId = null, RequesterId = ticket.RequesterId,
            AssignedTechnicianId = ticket.AssignedTechnicianId, ObserverIds = ticket.ObserverIds,
            Status = ticket.Status, OccurredAt = e.OccurredAt,
            Level = e.Level.ToString(), ToAdministrators = e.ToAdministrators,
            DueAt = e.DueAt,
            Priority = e.Priority.ToString(),
        }, cancellationToken);
    }
}
