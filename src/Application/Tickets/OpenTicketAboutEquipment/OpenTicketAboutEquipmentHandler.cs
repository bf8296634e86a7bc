using Mediator;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Application.Tickets.DueDates;
using MesaServicios.Domain.Tickets;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Tickets.OpenTicketAboutEquipment;

/// <summary>
/// Opens the ticket of <see cref="OpenEquipmentTicketCommand"/> (sent by another module through
/// <see cref="ITicketsModule"/>): the desk member acts on the person's behalf, the item rides on the draft.
/// </summary>
internal sealed class OpenTicketAboutEquipmentHandler(
    ITicketsDbContext db,
    ICurrentUser currentUser,
    ISender sender,
    TimeProvider clock,
    ITicketNumbers numbers,
    IOptions<TicketsOptions> options,
    IServiceLevelCatalog serviceLevels) : ICommandHandler<OpenEquipmentTicketCommand, int>
{
    public async ValueTask<int> Handle(OpenEquipmentTicketCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var requester = await TicketOpening.ActiveUserAsync(sender, command.RequesterId, cancellationToken)
            ?? throw TicketOpening.FieldError("requesterId", "tickets.requester_unknown");
        var equipment = command.Equipment;
        var draft = TicketDraft.OnBehalf(actor, requester.Id, TicketOpening.Snapshot(requester), command.Title, command.Description, command.Type, command.Urgency) with
        {
            Equipment = new TicketEquipment(equipment.ItemId, equipment.Code, equipment.Name, equipment.MaterialTypeId, equipment.MaterialType),
        };
        var ticket = Ticket.Open(draft, options.Value.BuildPriorityMatrix(), clock.GetUtcNow(), await numbers.NextAsync(cancellationToken));
        await ticket.StartDueDatesAsync(serviceLevels, cancellationToken);

        // Saved by the caller's transaction, with its notifications.
        db.Tickets.Add(ticket);
        return ticket.Id;
    }
}
