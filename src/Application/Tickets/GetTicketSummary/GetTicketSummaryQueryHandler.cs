using Mediator;
using MesaServicios.Application.Tickets.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets.GetTicketSummary;

/// <summary>A ticket as other modules may read it (<see cref="GetTicketSummaryQuery"/>), with its active observers.</summary>
internal sealed class GetTicketSummaryQueryHandler(ITicketsDbContext db) : IQueryHandler<GetTicketSummaryQuery, TicketSummaryContract?>
{
    public async ValueTask<TicketSummaryContract?> Handle(GetTicketSummaryQuery query, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == query.TicketId)
            .Select(t => new { t.Id, t.Title, t.Description, t.Status, t.Type, t.Urgency, t.Priority, t.RequesterId, t.AssignedTechnicianId, t.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var observers = await db.TicketObservers.AsNoTracking()
            .Where(o => o.TicketId == query.TicketId && o.RemovedAt == null)
            .Select(o => o.UserId)
            .ToListAsync(cancellationToken);
        return new TicketSummaryContract(
            ticket.Id, ticket.Title, ticket.Description, ticket.Status, ticket.Type, ticket.Urgency,
            (int)ticket.Priority, ticket.RequesterId, ticket.AssignedTechnicianId, observers, ticket.CreatedAt);
    }
}
