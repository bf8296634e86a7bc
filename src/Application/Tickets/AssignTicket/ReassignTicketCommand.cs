using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.AssignTicket;

/// <summary>The desk hands an assigned ticket to another technician.</summary>
public sealed record ReassignTicketCommand(int TicketId, Guid TechnicianId, int? ExpectedVersion = null) : ICommand<TicketDetails>;

internal sealed class ReassignTicketValidator : AbstractValidator<ReassignTicketCommand>
{
    public ReassignTicketValidator()
    {
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.TechnicianId).NotEmpty().WithMessage(_ => Messages.Get("tickets.technician_required"));
    }
}

internal sealed class ReassignTicketCommandHandler(ITicketsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : ICommandHandler<ReassignTicketCommand, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(ReassignTicketCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var now = clock.GetUtcNow();
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, command.ExpectedVersion, cancellationToken);
        await TechnicianCheck.EnsureAssignableAsync(sender, command.TechnicianId, cancellationToken);
        ticket.Reassign(actor, command.TechnicianId, now);
        return await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken);
    }
}
