using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.AssignTicket;

/// <summary>The desk assigns an unassigned ticket to a technician; a New ticket becomes In progress.</summary>
public sealed record AssignTicketCommand(int TicketId, Guid TechnicianId, int? ExpectedVersion = null) : ICommand<TicketDetails>;

internal sealed class AssignTicketValidator : AbstractValidator<AssignTicketCommand>
{
    public AssignTicketValidator()
    {
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.TechnicianId).NotEmpty().WithMessage(_ => Messages.Get("tickets.technician_required"));
    }
}

internal sealed class AssignTicketCommandHandler(ITicketsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : ICommandHandler<AssignTicketCommand, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(AssignTicketCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var now = clock.GetUtcNow();
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, command.ExpectedVersion, cancellationToken);
        await TechnicianCheck.EnsureAssignableAsync(sender, command.TechnicianId, cancellationToken);
        ticket.Assign(actor, command.TechnicianId, now);
        return await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken);
    }
}
