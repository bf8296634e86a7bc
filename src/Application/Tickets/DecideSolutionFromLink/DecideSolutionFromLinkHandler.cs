using Mediator;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.DecideSolutionFromLink;

/// <summary>
/// Approves or rejects a solution for the requester who used a signed mail link (<see cref="DecideSolutionFromLinkCommand"/>,
/// sent by Notifications inside the link's transaction). The aggregate applies the same rules as the API's
/// approve and reject: only the requester, only on a Solved ticket, a reason to reject.
/// </summary>
internal sealed class DecideSolutionFromLinkHandler(ITicketsDbContext db, TimeProvider clock) : ICommandHandler<DecideSolutionFromLinkCommand>
{
    public async ValueTask<Unit> Handle(DecideSolutionFromLinkCommand command, CancellationToken cancellationToken)
    {
        var actor = TicketActor.Requester(command.RequesterId);
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, null, cancellationToken);
        if (command.Decision == SolutionDecision.Approve)
        {
            ticket.Approve(actor, command.Text, clock.GetUtcNow());
        }
        else
        {
            ticket.Reject(actor, command.Text ?? string.Empty, clock.GetUtcNow());
        }

        return Unit.Value;
    }
}
