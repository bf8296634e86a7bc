using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Tickets.SetImpact;

/// <summary>The desk sets the impact; the priority is recomputed from the matrix.</summary>
public sealed record SetTicketImpactCommand(int TicketId, Impact? Impact, int? ExpectedVersion = null) : ICommand<TicketDetails>;

internal sealed class SetTicketImpactValidator : AbstractValidator<SetTicketImpactCommand>
{
    public SetTicketImpactValidator()
    {
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.Impact).NotNull().WithMessage(_ => Messages.Get("tickets.impact_invalid")).IsInEnum().WithMessage(_ => Messages.Get("tickets.impact_invalid"));
    }
}

internal sealed class SetTicketImpactCommandHandler(ITicketsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock, IOptions<TicketsOptions> options)
    : ICommandHandler<SetTicketImpactCommand, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(SetTicketImpactCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var now = clock.GetUtcNow();
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, command.ExpectedVersion, cancellationToken);
        ticket.SetImpact(actor, command.Impact!.Value, options.Value.BuildPriorityMatrix(), now);
        return await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken);
    }
}
