using System.Globalization;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Reporting.ReopenedTickets;

/// <summary>
/// The tickets sent back to work in the period: a ticket is reopened each time its status goes from Solved or Closed
/// back to New, In progress or Pending (today only the requester's rejection of a solution does that; a message on a
/// solved ticket never reopens it). Counted overall, by the ticket's assigned technician and by its category, with
/// the list. The period is the instant of the reopening; the other filters are the ticket's.
/// </summary>
public sealed record GetReopenedTicketsQuery(ReportFilter Filter) : IQuery<ReopenedTicketsReport>;

/// <summary><see cref="Reopenings"/> counts every time a ticket went back; <see cref="Tickets"/> counts each ticket once.</summary>
public sealed record ReopenedTicketsReport(
    DateOnly From,
    DateOnly To,
    int Tickets,
    int Reopenings,
    IReadOnlyList<ReopenedGroupRow> ByTechnician,
    IReadOnlyList<ReopenedGroupRow> ByCategory,
    IReadOnlyList<ReopenedTicketRow> Items);

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
        var reopenings = await store.ReopeningsAsync(scope.Slice, cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        var unassigned = Messages.Get("reporting.none.technician", culture);
        var noCategory = Messages.Get("reporting.none.category", culture);
        var items = reopenings.Select(r => new ReopenedTicketRow(
                r.TicketId, r.Title, r.TechnicianId, r.TechnicianId is null ? unassigned : r.TechnicianName ?? r.TechnicianId.Value.ToString(),
                r.CategoryId, r.CategoryId is { } c ? scope.CategoryPath(c) : noCategory, r.ReopenedAt, r.From, r.Reason))
            .ToList();
        var byTechnician = Groups(items, i => i.TechnicianId?.ToString() ?? string.Empty, i => i.Technician, culture);
        var byCategory = Groups(items, i => i.CategoryId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, i => i.Category, culture);
        return new ReopenedTicketsReport(scope.Period.From, scope.Period.To, items.Select(i => i.TicketId).Distinct().Count(), items.Count, byTechnician, byCategory, items);
    }

    private static List<ReopenedGroupRow> Groups(List<ReopenedTicketRow> items, Func<ReopenedTicketRow, string> key, Func<ReopenedTicketRow, string> label, CultureInfo culture) =>
        items.GroupBy(key)
            .Select(g => new ReopenedGroupRow(g.Key, label(g.First()), g.Select(i => i.TicketId).Distinct().Count(), g.Count()))
            .OrderByDescending(r => r.Tickets).ThenByDescending(r => r.Reopenings).ThenBy(r => r.Label, StringComparer.Create(culture, ignoreCase: true))
            .ToList();
}
