using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Application.Tickets.DueDates;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Tickets.ChangeUrgency;

/// <summary>The desk changes the urgency: the priority is recomputed, and the due dates with the urgency's targets.</summary>
public sealed record ChangeTicketUrgencyCommand(int TicketId, Urgency? Urgency, int? ExpectedVersion = null) : ICommand<TicketDetails>;

internal sealed class ChangeTicketUrgencyValidator : AbstractValidator<ChangeTicketUrgencyCommand>
{
    public ChangeTicketUrgencyValidator()
    {
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.Urgency).NotNull().WithMessage(_ => Messages.Get("tickets.urgency_invalid")).IsInEnum().WithMessage(_ => Messages.Get("tickets.urgency_invalid"));
    }
}

internal sealed class ChangeTicketUrgencyCommandHandler(
    ITicketsDbContext db,
    ICurrentUser currentUser,
    ISender sender,
    TimeProvider clock,
    IServiceLevelCatalog serviceLevels,
    IOptions<TicketsOptions> options) : ICommandHandler<ChangeTicketUrgencyCommand, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(ChangeTicketUrgencyCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var now = clock.GetUtcNow();
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, command.ExpectedVersion, cancellationToken);
        var snapshot = await serviceLevels.CurrentAsync(cancellationToken);
        var urgency = command.Urgency!.Value;
        ticket.ChangeUrgency(actor, urgency, options.Value.BuildPriorityMatrix(), snapshot.TermsFor(urgency, ticket.Type), snapshot.Calendar, now);
        return await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken);
    }
}
