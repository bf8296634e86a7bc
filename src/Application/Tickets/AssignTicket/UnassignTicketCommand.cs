using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.AssignTicket;

/// <summary>The desk takes the ticket off its technician (back to the common queue).</summary>
public sealed record UnassignTicketCommand(int TicketId, int? ExpectedVersion = null) : ICommand<TicketDetails>;

internal sealed class UnassignTicketValidator : AbstractValidator<UnassignTicketCommand>
{
    public UnassignTicketValidator()
    {
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();

    }
}

internal sealed class UnassignTicketCommandHandler(ITicketsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : ICommandHandler<UnassignTicketCommand, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(UnassignTicketCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var now = clock.GetUtcNow();
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, command.ExpectedVersion, cancellationToken);
        ticket.Unassign(actor, now);
        return await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken);
    }
}
