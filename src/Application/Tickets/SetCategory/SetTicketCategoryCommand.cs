using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.SetCategory;

/// <summary>The desk files the ticket under a category (null clears it).</summary>
public sealed record SetTicketCategoryCommand(int TicketId, int? CategoryId, int? ExpectedVersion = null) : ICommand<TicketDetails>;

internal sealed class SetTicketCategoryValidator : AbstractValidator<SetTicketCategoryCommand>
{
    public SetTicketCategoryValidator()
    {
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.CategoryId).GreaterThan(0).WithMessage(_ => Messages.Get("tickets.category_unknown"));
    }
}

internal sealed class SetTicketCategoryCommandHandler(ITicketsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : ICommandHandler<SetTicketCategoryCommand, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(SetTicketCategoryCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var now = clock.GetUtcNow();
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, command.ExpectedVersion, cancellationToken);
        await TicketOpening.EnsureCategoryAsync(db, command.CategoryId, "categoryId", cancellationToken);
        ticket.SetCategory(actor, command.CategoryId, now);
        return await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken);
    }
}
