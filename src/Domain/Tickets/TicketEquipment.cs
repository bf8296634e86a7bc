namespace MesaServicios.Domain.Tickets;

/// <summary>
/// The equipment a ticket is about, as it was when the ticket was opened: an item the requester had checked out
/// ("en su poder"). A snapshot: renaming the item later does not change the ticket.
/// </summary>
public sealed record TicketEquipment(Guid ItemId, string Code, string Name, int MaterialTypeId, string MaterialType);
