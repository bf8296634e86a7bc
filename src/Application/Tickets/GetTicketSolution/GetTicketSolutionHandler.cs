using Mediator;
using MesaServicios.Application.Tickets.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets.GetTicketSolution;

/// <summary>Answers <see cref="GetTicketSolutionQuery"/>: the ticket's title, description and solution, and who took part.</summary>
internal sealed class GetTicketSolutionHandler(ITicketsDbContext db) : IQueryHandler<GetTicketSolutionQuery, TicketSolutionContract?>
{
    public async ValueTask<TicketSolutionContract?> Handle(GetTicketSolutionQuery query, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == query.TicketId)
            .Select(t => new { t.Id, t.Title, t.Description, t.Solution, t.Status, t.RequesterId, t.RequesterName, t.RequesterPhone, t.AssignedTechnicianId })
            .FirstOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var observers = await db.TicketObservers.AsNoTracking()
            .Where(o => o.TicketId == query.TicketId)
            .Select(o => o.UserId)
            .ToListAsync(cancellationToken);
        return new TicketSolutionContract(
            ticket.Id, ticket.Title, ticket.Description, ticket.Solution, ticket.Status.ToString(), ticket.RequesterId, ticket.RequesterName,
            ticket.RequesterPhone, ticket.AssignedTechnicianId, observers);
    }
}
