using Mediator;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.Contracts;

/// <summary>A ticket as other modules may read it (e.g. the welcome mail of a new observer). Null if it does not exist.</summary>
public sealed record GetTicketSummaryQuery(int TicketId) : IQuery<TicketSummaryContract?>;

public sealed record TicketSummaryContract(
    int TicketId,
    string Title,
    string Description,
    TicketStatus Status,
    TicketType Type,
    Urgency Urgency,
    int Priority,
    Guid RequesterId,
    Guid? AssignedTechnicianId,
    IReadOnlyList<Guid> ObserverIds,
    DateTimeOffset CreatedAt);
