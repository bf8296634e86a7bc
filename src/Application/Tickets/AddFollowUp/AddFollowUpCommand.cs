using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.AddFollowUp;

/// <summary>A message on the ticket: public (requester, observers, desk) or private (desk only).</summary>
public sealed record AddFollowUpCommand(int TicketId, string Content, bool IsPrivate, int? ExpectedVersion = null) : ICommand<TicketDetails>;

internal sealed class AddFollowUpValidator : AbstractValidator<AddFollowUpCommand>
{
    public AddFollowUpValidator()
    {
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.Content).RequiredText("tickets.followup_required");
    }
}

internal sealed class AddFollowUpCommandHandler(ITicketsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : ICommandHandler<AddFollowUpCommand, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(AddFollowUpCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var now = clock.GetUtcNow();
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, command.ExpectedVersion, cancellationToken);
        ticket.AddFollowUp(actor, command.Content, command.IsPrivate, TicketSource.Portal, now);
        return await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken);
    }
}
