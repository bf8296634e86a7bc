using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.SolveTicket;

/// <summary>The desk records the solution: the ticket becomes Solved and the requester is asked to approve or reject it.</summary>
public sealed record SolveTicketCommand(int TicketId, string Solution, int? ExpectedVersion = null) : ICommand<TicketDetails>;

internal sealed class SolveTicketValidator : AbstractValidator<SolveTicketCommand>
{
    public SolveTicketValidator()
    {
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.Solution).RequiredText("tickets.solution_required");
    }
}

internal sealed class SolveTicketCommandHandler(ITicketsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : ICommandHandler<SolveTicketCommand, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(SolveTicketCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var now = clock.GetUtcNow();
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, command.ExpectedVersion, cancellationToken);
        ticket.Solve(actor, command.Solution, now);
        return await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken);
    }
}
