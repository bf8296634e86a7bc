using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.Observers;

/// <summary>The requester or the desk removes an observer (recorded, never deleted).</summary>
public sealed record RemoveObserverCommand(int TicketId, Guid UserId, int? ExpectedVersion = null) : ICommand<TicketDetails>;

internal sealed class RemoveObserverValidator : AbstractValidator<RemoveObserverCommand>
{
    public RemoveObserverValidator()
    {
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();

    }
}

internal sealed class RemoveObserverCommandHandler(ITicketsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : ICommandHandler<RemoveObserverCommand, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(RemoveObserverCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var now = clock.GetUtcNow();
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, command.ExpectedVersion, cancellationToken);
        ticket.RemoveObserver(actor, command.UserId, now);
        return await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken);
    }
}
