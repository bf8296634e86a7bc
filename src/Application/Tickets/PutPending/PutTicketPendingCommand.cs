using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.PutPending;

/// <summary>The desk puts an In-progress ticket on hold (waiting for the requester or a third party), with the reason.</summary>
public sealed record PutTicketPendingCommand(int TicketId, string Reason, int? ExpectedVersion = null) : ICommand<TicketDetails>;

internal sealed class PutTicketPendingValidator : AbstractValidator<PutTicketPendingCommand>
{
    public PutTicketPendingValidator()
    {
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.Reason).RequiredText("tickets.pending_reason_required");
    }
}

internal sealed class PutTicketPendingCommandHandler(ITicketsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : ICommandHandler<PutTicketPendingCommand, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(PutTicketPendingCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var now = clock.GetUtcNow();
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, command.ExpectedVersion, cancellationToken);
        ticket.PutPending(actor, command.Reason, now);
        return await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken);
    }
}
