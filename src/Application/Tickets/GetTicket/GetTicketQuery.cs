using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets.GetTicket;

/// <summary>
/// One ticket with its timeline. Requesters and observers see only their tickets (another's is "not found") and
/// never private follow-ups.
/// </summary>
public sealed record GetTicketQuery(int TicketId) : IQuery<TicketDetails>;

internal sealed class GetTicketQueryHandler(ITicketsDbContext db, ICurrentUser currentUser, ISender sender) : IQueryHandler<GetTicketQuery, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(GetTicketQuery query, CancellationToken cancellationToken)
    {
        var viewer = currentUser.Actor();
        var ticket = await db.LoadAggregateAsync(query.TicketId, cancellationToken);
        if (ticket is null || !ticket.IsVisibleTo(viewer))
        {
            throw Errors.NotFound("tickets.not_found", query.TicketId);
        }

        return await TicketDetailsBuilder.BuildAsync(ticket, viewer, db, sender, cancellationToken);
    }
}
