using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.RejectTicket;

/// <summary>The requester refuses the solution with a reason: the ticket goes back to In progress.</summary>
public sealed record RejectTicketCommand(int TicketId, string Reason, int? ExpectedVersion = null) : ICommand<TicketDetails>;

internal sealed class RejectTicketValidator : AbstractValidator<RejectTicketCommand>
{
    public RejectTicketValidator()
    {
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.Reason).RequiredText("tickets.reject_reason_required");
    }
}

internal sealed class RejectTicketCommandHandler(ITicketsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : ICommandHandler<RejectTicketCommand, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(RejectTicketCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var now = clock.GetUtcNow();
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, command.ExpectedVersion, cancellationToken);
        ticket.Reject(actor, command.Reason, now);
        return await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken);
    }
}
