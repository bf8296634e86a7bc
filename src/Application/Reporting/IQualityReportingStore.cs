using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Reporting;

/// <summary>
/// Port: the quality questions of the reports (rejected solutions, reopened tickets). On PostgreSQL its adapter reads the
/// tickets' solutions and history with SQL; on SQLite the tallies, the counts and the choice of a page come from the
/// in-memory column store (ADR 0017) and only the page's rows are read from the tables.
/// The slice's <see cref="TicketSlice.TechnicianId"/> means the solution's author for solutions and the ticket's
/// assigned technician for reopenings; the other filters are the ticket's.
/// </summary>
public interface IQualityReportingStore
{
    /// <summary>Solutions proposed in the slice's period, per author: how many, and how many of them were rejected (whenever).</summary>
    Task<IReadOnlyList<SolutionTally>> SolutionTalliesAsync(TicketSlice slice, CancellationToken cancellationToken);

    /// <summary>The rejected solutions among those proposed in the period, most recently proposed first, one page (<paramref name="take"/> null = all).</summary>
    Task<IReadOnlyList<RejectedSolution>> RejectedSolutionsAsync(TicketSlice slice, int skip, int? take, CancellationToken cancellationToken);

    /// <summary>The period's reopenings counted by the ticket's assigned technician and by its category (distinct tickets and every reopening).</summary>
    Task<ReopeningSummary> ReopeningSummaryAsync(TicketSlice slice, CancellationToken cancellationToken);

    /// <summary>
    /// Every time in the period a ticket went back from Solved or Closed to work (a rejection, or any later way back),
    /// oldest first, one page (<paramref name="take"/> null = all).
    /// </summary>
    Task<IReadOnlyList<Reopening>> ReopeningsAsync(TicketSlice slice, int skip, int? take, CancellationToken cancellationToken);

    /// <summary>Tickets closed in the slice's period (whenever opened), matching its filters (technician = assigned).</summary>
    Task<int> ClosedCountAsync(TicketSlice slice, CancellationToken cancellationToken);

    /// <summary>Tickets that were open at the slice's end: opened before it and neither solved nor closed by then (technician = assigned).</summary>
    Task<int> OpenAtEndCountAsync(TicketSlice slice, CancellationToken cancellationToken);
}

/// <summary>One technician's proposed and rejected solutions (name null when the account is gone).</summary>
public sealed record SolutionTally(Guid TechnicianId, string? TechnicianName, int Proposed, int Rejected);

/// <summary>A rejected solution: the ticket, who proposed it, when it was rejected and the requester's reason.</summary>
public sealed record RejectedSolution(
    int TicketId,
    string Title,
    Guid TechnicianId,
    string? TechnicianName,
    DateTimeOffset ProposedAt,
    DateTimeOffset? RejectedAt,
    string? Reason);

/// <summary>
/// The period's reopenings by the ticket's assigned technician (null = unassigned) and by its category (null = none).
/// Each ticket sits in one group of each list (its technician and category now), so the groups add up to the totals.
/// </summary>
public sealed record ReopeningSummary(IReadOnlyList<ReopeningTechnicianTally> ByTechnician, IReadOnlyList<ReopeningCategoryTally> ByCategory);

/// <summary>One technician's reopened tickets (distinct) and reopenings (name null when the account is gone or none is assigned).</summary>
public sealed record ReopeningTechnicianTally(Guid? TechnicianId, string? TechnicianName, int Tickets, int Reopenings);

/// <summary>One category's reopened tickets (distinct) and reopenings.</summary>
public sealed record ReopeningCategoryTally(int? CategoryId, int Tickets, int Reopenings);

/// <summary>A ticket sent back to work: its assigned technician and category now, the instant, the status it left and the reason given.</summary>
public sealed record Reopening(
    int TicketId,
    string Title,
    Guid? TechnicianId,
    string? TechnicianName,
    int? CategoryId,
    DateTimeOffset ReopenedAt,
    TicketStatus From,
    string? Reason);
