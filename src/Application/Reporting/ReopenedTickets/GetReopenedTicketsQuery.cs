using System.Globalization;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Reporting.ReopenedTickets;

/// <summary>
/// The tickets sent back to work in the period: a ticket is reopened each time its status goes from Solved or Closed
/// back to New, In progress or Pending (today only the requester's rejection of a solution does that; a message on a
/// solved ticket never reopens it). Counted overall, by the ticket's assigned technician and by its category (always
/// over the whole period), with the list one page at a time, oldest first (<see cref="All"/> for the whole list, as the
/// CSV does). The period is the instant of the reopening; the other filters are the ticket's.
/// </summary>
public sealed record GetReopenedTicketsQuery(ReportFilter Filter, int Page = 1, int PageSize = Paging.DefaultPageSize, bool All = false) : IQuery<ReopenedTicketsReport>;

/// <summary>
/// <see cref="Reopenings"/> counts every time a ticket went back; <see cref="Tickets"/> counts each ticket once.
/// <see cref="Items"/> is one page of the reopenings (<see cref="Page"/>, <see cref="PageSize"/>); <see cref="Total"/>
/// is how many the whole list holds (= <see cref="Reopenings"/>).
/// </summary>
public sealed record ReopenedTicketsReport(
    DateOnly From,
    DateOnly To,
    int Tickets,
    int Reopenings,
    IReadOnlyList<ReopenedGroupRow> ByTechnician,
    IReadOnlyList<ReopenedGroupRow> ByCategory,
    IReadOnlyList<ReopenedTicketRow> Items,
    int Page,
    int PageSize,
    int Total)
{
    public int TotalPages => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>A technician (key = id, empty for unassigned) or a category (key = id, empty for none): distinct tickets and reopenings.</summary>
public sealed record ReopenedGroupRow(string Key, string Label, int Tickets, int Reopenings);

public sealed record ReopenedTicketRow(
    int TicketId,
    string Title,
    Guid? TechnicianId,
    string Technician,
    int? CategoryId,
    string Category,
    DateTimeOffset ReopenedAt,
    TicketStatus From,
    string? Reason);

internal sealed class GetReopenedTicketsQueryHandler(ReportScopes scopes, IQualityReportingStore store) : IQueryHandler<GetReopenedTicketsQuery, ReopenedTicketsReport>
{
    public async ValueTask<ReopenedTicketsReport> Handle(GetReopenedTicketsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query.Filter, cancellationToken);
        var summary = await store.ReopeningSummaryAsync(scope.Slice, cancellationToken);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, Paging.MaxPageSize);
        var reopenings = await store.ReopeningsAsync(scope.Slice, query.All ? 0 : (page - 1) * size, query.All ? null : size, cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        var unassigned = Messages.Get("reporting.none.technician", culture);
        var noCategory = Messages.Get("reporting.none.category", culture);
        string Technician(Guid? id, string? name) => id is null ? unassigned : name ?? id.Value.ToString();
        string Category(int? id) => id is { } c ? scope.CategoryPath(c) : noCategory;
        var items = reopenings.Select(r => new ReopenedTicketRow(
                r.TicketId, r.Title, r.TechnicianId, Technician(r.TechnicianId, r.TechnicianName),
                r.CategoryId, Category(r.CategoryId), r.ReopenedAt, r.From, r.Reason))
            .ToList();
        var byTechnician = Order(summary.ByTechnician.Select(t => new ReopenedGroupRow(t.TechnicianId?.ToString() ?? string.Empty, Technician(t.TechnicianId, t.TechnicianName), t.Tickets, t.Reopenings)), culture);
        var byCategory = Order(summary.ByCategory.Select(c => new ReopenedGroupRow(c.CategoryId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Category(c.CategoryId), c.Tickets, c.Reopenings)), culture);
        var tickets = summary.ByTechnician.Sum(t => t.Tickets);
        var total = summary.ByTechnician.Sum(t => t.Reopenings);
        return new ReopenedTicketsReport(
            scope.Period.From, scope.Period.To, tickets, total, byTechnician, byCategory, items,
            query.All ? 1 : page, query.All ? items.Count : size, total);
    }

    private static List<ReopenedGroupRow> Order(IEnumerable<ReopenedGroupRow> groups, CultureInfo culture) =>
        groups.OrderByDescending(r => r.Tickets).ThenByDescending(r => r.Reopenings).ThenBy(r => r.Label, StringComparer.Create(culture, ignoreCase: true))
            .ToList();
}
