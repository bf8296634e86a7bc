using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Reporting;

/// <summary>
/// Port: the storage-specific read side of the reports (aggregations in the database's own SQL). Reporting never
/// changes anything; the SQLite adapter lives in Infrastructure/Reporting and a PostgreSQL one can implement the
/// same questions natively.
/// </summary>
public interface IReportingStore
{
    /// <summary>The whole category tree (small), to expand a category into its subcategories and to name them.</summary>
    Task<IReadOnlyList<CategoryNode>> CategoriesAsync(CancellationToken cancellationToken);

    /// <summary>Tickets of the slice counted by one dimension; the key is the stored value (enum number, id, text), null when empty.</summary>
    Task<IReadOnlyList<KeyCount>> CountByAsync(TicketSlice slice, ReportDimension dimension, CancellationToken cancellationToken);

    /// <summary>Tickets of the slice opened per local day (days without tickets are left out).</summary>
    Task<IReadOnlyList<DayCount>> OpenedPerDayAsync(TicketSlice slice, CancellationToken cancellationToken);

    /// <summary>Tickets matching the slice's filters solved per local day within the slice's period (whenever they were opened).</summary>
    Task<IReadOnlyList<DayCount>> SolvedPerDayAsync(TicketSlice slice, CancellationToken cancellationToken);

    /// <summary>How many tickets of the slice mention each title term (accent- and case-folded, stop words out).</summary>
    Task<IReadOnlyDictionary<string, int>> TitleTermsAsync(TicketSlice slice, CancellationToken cancellationToken);

    /// <summary>Tickets with their clocks: opened in the slice's period (<see cref="TimeBasis.Opened"/>) or solved in it (<see cref="TimeBasis.Solved"/>).</summary>
    Task<IReadOnlyList<TicketTimes>> TicketTimesAsync(TicketSlice slice, TimeBasis basis, CancellationToken cancellationToken);

    /// <summary>
    /// Service-level verdicts of the tickets of the slice that have a clock (own target &gt; 0), counted per urgency in
    /// the database: missed when owned (first response, else solution, else <paramref name="now"/>) after the own due
    /// time or resolved (solution, else the pause start, else <paramref name="now"/>) after the resolve due time; met
    /// when solved and not missed; running otherwise.
    /// </summary>
    Task<IReadOnlyList<ComplianceCount>> ComplianceAsync(TicketSlice slice, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The stored business times of the tickets opened in the slice's period (<see cref="TimeBasis.Opened"/>) or solved
    /// in it (<see cref="TimeBasis.Solved"/>): four narrow values per ticket instead of a whole <see cref="TicketTimes"/>.
    /// Null when the slice holds a ticket owned or solved without its stored time (kept from before the times were
    /// stored): the caller then measures with <see cref="TicketTimesAsync"/>.
    /// </summary>
    Task<DurationColumns?> DurationsAsync(TicketSlice slice, TimeBasis basis, CancellationToken cancellationToken);

    /// <summary>The tickets open now (New, In progress, Pending) matching the slice's filters, whenever they were opened.</summary>
    Task<IReadOnlyList<TicketTimes>> OpenTicketsAsync(TicketSlice slice, CancellationToken cancellationToken);

    /// <summary>The active technicians (id as stored, full name).</summary>
    Task<IReadOnlyList<KeyCount>> TechniciansAsync(CancellationToken cancellationToken);

    /// <summary>The tickets of the slice, oldest first, read row by row (for the CSV export).</summary>
    IAsyncEnumerable<TicketExportRow> ExportAsync(TicketSlice slice, CancellationToken cancellationToken);
}

/// <summary>
/// Which tickets a report looks at: opened in [<see cref="Start"/>, <see cref="End"/>) and matching every given filter.
/// <see cref="CategoryIds"/> already holds the chosen category and its subcategories. <see cref="Zone"/> decides local days.
/// </summary>
public sealed record TicketSlice(
    DateTimeOffset Start,
    DateTimeOffset End,
    TimeZoneInfo Zone,
    TicketType? Type = null,
    IReadOnlyList<int>? CategoryIds = null,
    string? Department = null,
    Guid? TechnicianId = null,
    TicketSource? Source = null);

/// <summary>What a count report groups tickets by.</summary>
public enum ReportDimension
{
    Type = 1,
    Urgency = 2,
    Priority = 3,
    Status = 4,
    Category = 5,
    Department = 6,
    Technician = 7,
    Source = 8,
}

/// <summary>Which instant puts a ticket in a period.</summary>
public enum TimeBasis
{
    Opened = 1,
    Solved = 2,
}

/// <summary>
/// A ticket's times and service-level clock as stored (targets 0 when it has no clock). <see cref="OwnMinutes"/> and
/// <see cref="ResolveMinutes"/> are the business times the ticket stored when it was owned and solved; null when it
/// has none stored (not owned / not solved yet, or measured before they were kept: the report then measures them).
/// </summary>
public sealed record TicketTimes(
    Urgency Urgency,
    TicketStatus Status,
    string? TechnicianId,
    string? TechnicianName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? SolvedAt,
    double PausedMinutes,
    DateTimeOffset? PausedSince,
    int OwnTargetMinutes,
    DateTimeOffset OwnDueAt,
    DateTimeOffset ResolveDueAt,
    double? OwnMinutes = null,
    double? ResolveMinutes = null);

/// <summary>One urgency's service-level verdicts.</summary>
public sealed record ComplianceCount(Urgency Urgency, int Met, int Missed, int Running);

/// <summary>A ticket's urgency, technician (id as stored and name, null when none) and stored business times (null when not owned / solved).</summary>
public readonly record struct TicketDuration(Urgency Urgency, string? TechnicianId, string? TechnicianName, double? OwnMinutes, double? ResolveMinutes);

public sealed record CategoryNode(int Id, string Name, int? ParentId);

/// <summary>A group and its size; <see cref="Label"/> is the stored name when the store knows one (category, technician).</summary>
public sealed record KeyCount(string? Key, string? Label, int Count);

public sealed record DayCount(DateOnly Day, int Count);

/// <summary>One line of the desk's ticket export (names as stored; dates as instants).</summary>
public sealed record TicketExportRow(
    int Id,
    DateTimeOffset CreatedAt,
    string Title,
    TicketType Type,
    TicketStatus Status,
    Urgency Urgency,
    Priority Priority,
    TicketSource Source,
    string? Category,
    string RequesterName,
    string? Department,
    string? Technician,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? SolvedAt,
    DateTimeOffset? ClosedAt);
