using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.Observers;

/// <summary>The requester or the desk adds an observer (user id or e-mail).</summary>
public sealed record AddObserverCommand(int TicketId, string User, int? ExpectedVersion = null) : ICommand<TicketDetails>;

internal sealed class AddObserverValidator : AbstractValidator<AddObserverCommand>
{
    public AddObserverValidator()
    {
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.User).NotEmpty().WithMessage(_ => Messages.Get("tickets.observer_required"));
    }
}

internal sealed class AddObserverCommandHandler(ITicketsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : ICommandHandler<AddObserverCommand, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(AddObserverCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var now = clock.GetUtcNow();
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, command.ExpectedVersion, cancellationToken);
        var observer = (await TicketOpening.ResolveObserversAsync(sender, [command.User], "user", cancellationToken, indexed: false))[0].Id;
        ticket.AddObserver(actor, observer, now);
        return await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken);
    }
}
