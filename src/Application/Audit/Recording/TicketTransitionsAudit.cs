using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Audit;

namespace MesaServicios.Application.Audit.Recording;

/// <summary>
/// Ticket transitions enter the audit log from the Tickets module's integration events, in the same transaction. The
/// entry is written with the command's bulk rows (<see cref="IBulkInsert"/>): on ticket creation, one tracked row less
/// for the single writer to turn into SQL.
/// </summary>
internal sealed class TicketTransitionsAudit(IBulkInsert bulk) :
    INotificationHandler<TicketCreatedIntegrationEvent>,
    INotificationHandler<TicketAssignedIntegrationEvent>,
    INotificationHandler<TicketPendingIntegrationEvent>,
    INotificationHandler<TicketSolvedIntegrationEvent>,
    INotificationHandler<TicketApprovedIntegrationEvent>,
    INotificationHandler<TicketRejectedIntegrationEvent>,
    INotificationHandler<TicketClosedIntegrationEvent>
{
    public ValueTask Handle(TicketCreatedIntegrationEvent notification, CancellationToken cancellationToken) => Record("tickets.created", notification);

    public ValueTask Handle(TicketAssignedIntegrationEvent notification, CancellationToken cancellationToken) => Record("tickets.assigned", notification);

    public ValueTask Handle(TicketPendingIntegrationEvent notification, CancellationToken cancellationToken) => Record("tickets.pending", notification);

    public ValueTask Handle(TicketSolvedIntegrationEvent notification, CancellationToken cancellationToken) => Record("tickets.solved", notification);

    public ValueTask Handle(TicketApprovedIntegrationEvent notification, CancellationToken cancellationToken) => Record("tickets.approved", notification);

    public ValueTask Handle(TicketRejectedIntegrationEvent notification, CancellationToken cancellationToken) => Record("tickets.rejected", notification);

    public ValueTask Handle(TicketClosedIntegrationEvent notification, CancellationToken cancellationToken) => Record("tickets.closed", notification);

    private ValueTask Record(string action, TicketIntegrationEvent change)
    {
        bulk.Add(AuditEntry.Record(action, change.ActorId, $"ticket:{change.TicketId}", null, "→ " + change.Status, change.OccurredAt));
        return ValueTask.CompletedTask;
    }
}
