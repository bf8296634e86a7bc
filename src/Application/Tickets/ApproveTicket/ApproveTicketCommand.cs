using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.ApproveTicket;

/// <summary>The requester accepts the solution (optional comment): the ticket closes.</summary>
public sealed record ApproveTicketCommand(int TicketId, string? Comment, int? ExpectedVersion = null) : ICommand<TicketDetails>;

internal sealed class ApproveTicketValidator : AbstractValidator<ApproveTicketCommand>
{
    public ApproveTicketValidator()
    {
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.Comment).MaximumLength(Ticket.TextMaxLength).WithMessage(_ => Messages.Get("tickets.comment_too_long"));
    }
}

internal sealed class ApproveTicketCommandHandler(ITicketsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : ICommandHandler<ApproveTicketCommand, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(ApproveTicketCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var now = clock.GetUtcNow();
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, command.ExpectedVersion, cancellationToken);
        ticket.Approve(actor, command.Comment, now);
        return await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken);
    }
}
