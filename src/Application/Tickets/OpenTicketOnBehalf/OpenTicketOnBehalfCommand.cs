using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Reservations.Contracts;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;
using Microsoft.Extensions.Options;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Application.Tickets.DueDates;

namespace MesaServicios.Application.Tickets.OpenTicketOnBehalf;

/// <summary>The desk opens a ticket for a requester who called (source Phone); the snapshot comes from his profile.</summary>
public sealed record OpenTicketOnBehalfCommand(
    Guid RequesterId,
    string Title,
    string Description,
    TicketType? Type,
    Urgency? Urgency,
    int? CategoryId,
    IReadOnlyList<string>? Observers,
    string? ContactPhone,
    Guid? EquipmentItemId = null) : ICommand<TicketDetails>, IOptimisticCommand;

internal sealed class OpenTicketOnBehalfValidator : AbstractValidator<OpenTicketOnBehalfCommand>
{
    public OpenTicketOnBehalfValidator()
    {
        RuleFor(c => c.RequesterId).NotEmpty().WithMessage(_ => Messages.Get("tickets.requester_required"));
        RuleFor(c => c.Title).Title();
        RuleFor(c => c.Description).Description();
        RuleFor(c => c.Type).NotNull().WithMessage(_ => Messages.Get("tickets.type_invalid")).IsInEnum().WithMessage(_ => Messages.Get("tickets.type_invalid"));
        RuleFor(c => c.Urgency).IsInEnum().WithMessage(_ => Messages.Get("tickets.urgency_invalid"));
        RuleFor(c => c.ContactPhone).MaximumLength(40).WithMessage(_ => Messages.Get("tickets.phone_too_long"));
        RuleFor(c => c.CategoryId).GreaterThan(0).WithMessage(_ => Messages.Get("tickets.category_unknown"));
        RuleFor(c => c.Observers).Must(o => o is null || o.Count <= TicketOpening.MaxObservers)
            .WithMessage(_ => Messages.Get("tickets.too_many_observers", TicketOpening.MaxObservers));
        RuleForEach(c => c.Observers).NotEmpty().WithMessage(_ => Messages.Get("tickets.observer_required"));
    }
}

internal sealed class OpenTicketOnBehalfCommandHandler(
    ITicketsDbContext db,
    ICurrentUser currentUser,
    ISender sender,
    TimeProvider clock,
    ITicketNumbers numbers,
    IReservationsFacade reservations,
    IOptions<TicketsOptions> options,
    IServiceLevelCatalog serviceLevels) : ICommandHandler<OpenTicketOnBehalfCommand, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(OpenTicketOnBehalfCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var requester = await TicketOpening.ActiveUserAsync(sender, command.RequesterId, cancellationToken)
            ?? throw TicketOpening.FieldError("requesterId", "tickets.requester_unknown");
        var observers = await TicketOpening.ResolveObserversAsync(sender, command.Observers, "observers", cancellationToken);
        var category = await TicketOpening.ActiveCategoryAsync(db, command.CategoryId, "categoryId", cancellationToken);
        var equipment = await TicketOpening.HeldEquipmentAsync(reservations, requester.Id, command.EquipmentItemId, cancellationToken);

        var draft = TicketDraft.OnBehalf(
            actor,
            requester.Id,
            TicketOpening.Snapshot(requester, phone: command.ContactPhone),
            command.Title,
            command.Description,
            command.Type!.Value,
            command.Urgency ?? Urgency.Medium) with
        {
            CategoryId = command.CategoryId,
            ObserverIds = observers.Select(o => o.Id).ToList(),
            Equipment = equipment,
        };
        var ticket = Ticket.Open(draft, options.Value.BuildPriorityMatrix(), clock.GetUtcNow(), await numbers.NextAsync(cancellationToken));

        await ticket.StartDueDatesAsync(serviceLevels, cancellationToken);

        // Saved by the command's transaction, with its notifications, once everything is prepared.
        db.Tickets.Add(ticket);
        return await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken, [requester, .. observers], category);
    }
}
