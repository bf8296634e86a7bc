using Mediator;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.Contracts;

/// <summary>An item of equipment a ticket is about, as the Reservations module describes it.</summary>
public sealed record EquipmentOnTicket(Guid ItemId, string Code, string Name, int MaterialTypeId, string MaterialType);

/// <summary>
/// The desk opens a ticket about an item of equipment for the person who had it (e.g. an item returned damaged). The
/// calling module vouches for the item, so it is not asked whether the person holds it now. Same rules as opening a
/// ticket on someone's behalf (source Phone, the desk member as opener); answers the new ticket's id.
/// Handled by the Tickets slice <c>OpenTicketAboutEquipment</c>.
/// </summary>
public sealed record OpenEquipmentTicketCommand(
    Guid RequesterId,
    string Title,
    string Description,
    TicketType Type,
    Urgency Urgency,
    EquipmentOnTicket Equipment) : ICommand<int>;
