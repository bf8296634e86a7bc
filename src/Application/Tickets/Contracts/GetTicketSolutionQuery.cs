using Mediator;

namespace MesaServicios.Application.Tickets.Contracts;

/// <summary>
/// A ticket's problem and its current solution, for another module that reuses solutions (the help centre drafts an
/// article from it). Null if the ticket does not exist. Carries who took part, so the caller can leave their personal
/// data out.
/// </summary>
public sealed record GetTicketSolutionQuery(int TicketId) : IQuery<TicketSolutionContract?>;

public sealed record TicketSolutionContract(
    int TicketId,
    string Title,
    string Description,
    string? Solution,
    string Status,
    Guid RequesterId,
    string RequesterName,
    string? RequesterPhone,
    Guid? AssignedTechnicianId,
    IReadOnlyList<Guid> ObserverIds);
