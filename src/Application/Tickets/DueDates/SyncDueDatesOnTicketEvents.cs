using MesaServicios.Application.Common.Events;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Domain.Tickets.Events;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Tickets.DueDates;

/// <summary>
/// After every transition that can start, stop or pause a clock (assignment, public answer, Pending, solution,
/// rejection, closure), the ticket brings its service-level clock in line with its new status, in the same
/// transaction, and takes the stored business times the reports read. The transitions themselves stay free of
/// calendar arguments.
/// </summary>
internal sealed class SyncDueDatesOnTicketEvents(ITicketsDbContext db, IServiceLevelCatalog serviceLevels, IOptions<TicketsOptions> options) :
    IDomainEventHandler<TicketAssigned>,
    IDomainEventHandler<TicketFollowUpAdded>,
    IDomainEventHandler<TicketPutPending>,
    IDomainEventHandler<TicketSolved>,
    IDomainEventHandler<TicketRejected>,
    IDomainEventHandler<TicketClosed>
{
    public ValueTask Handle(TicketAssigned domainEvent, CancellationToken cancellationToken) => SyncAsync(domainEvent, cancellationToken);

    public ValueTask Handle(TicketFollowUpAdded domainEvent, CancellationToken cancellationToken) => SyncAsync(domainEvent, cancellationToken);

    public ValueTask Handle(TicketPutPending domainEvent, CancellationToken cancellationToken) => SyncAsync(domainEvent, cancellationToken);

    public ValueTask Handle(TicketSolved domainEvent, CancellationToken cancellationToken) => SyncAsync(domainEvent, cancellationToken);

    public ValueTask Handle(TicketRejected domainEvent, CancellationToken cancellationToken) => SyncAsync(domainEvent, cancellationToken);

    public ValueTask Handle(TicketClosed domainEvent, CancellationToken cancellationToken) => SyncAsync(domainEvent, cancellationToken);

    private async ValueTask SyncAsync(TicketEvent domainEvent, CancellationToken cancellationToken)
    {
        // Events are snapshots; the ticket that raised this one is tracked by this command's context (no query).
        var ticket = db.Tickets.Local.FirstOrDefault(t => t.Id == domainEvent.Ticket.TicketId);
        if (ticket is null)
        {
            return;
        }

        // The stored business times (time to own, time to resolve) are taken whether or not the ticket has a clock.
        var snapshot = await serviceLevels.CurrentAsync(cancellationToken);
        ticket.MeasureBusinessTimes(snapshot.Calendar);
        if (!ticket.ServiceLevel.IsRunning)
        {
            return;
        }

        ticket.SyncServiceLevel(snapshot.Calendar, snapshot.BusinessDayMinutes, TimeSpan.FromDays(options.Value.AutoCloseAfterDays), domainEvent.OccurredAt);
    }
}
