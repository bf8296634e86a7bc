namespace MesaServicios.Domain.Tickets;

/// <summary>
/// Who acts on a ticket: a user and whether he belongs to the desk (technician or administrator). The system
/// (background jobs) acts with no actor at all.
/// </summary>
public sealed record TicketActor(Guid UserId, bool IsDesk)
{
    public static TicketActor Requester(Guid userId) => new(userId, false);

    public static TicketActor Desk(Guid userId) => new(userId, true);
}

/// <summary>The requester as he was when the ticket was opened: name, department (dependencia), contact phone.</summary>
public sealed record RequesterSnapshot(string Name, string? Department, string? Phone);
