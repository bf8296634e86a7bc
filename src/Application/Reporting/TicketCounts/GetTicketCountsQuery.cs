using System.Globalization;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Reporting.TicketCounts;

/// <summary>Tickets opened in the period (with the filters) counted by one dimension, largest group first.</summary>
public sealed record GetTicketCountsQuery(ReportFilter Filter, ReportDimension Dimension) : IQuery<TicketCountsReport>;

/// <summary>
/// The count report. Enum dimensions list every value (zeros included, in their natural order); category,
/// department and technician list the groups that have tickets, largest first (ties by label).
/// </summary>
public sealed record TicketCountsReport(DateOnly From, DateOnly To, ReportDimension Dimension, int Total, IReadOnlyList<CountRow> Rows);

/// <summary>A group: <see cref="Key"/> is the value to filter by (enum name, category id, department, technician id; empty for "none").</summary>
public sealed record CountRow(string Key, string Label, int Count, double Share);

internal sealed class GetTicketCountsQueryHandler(ReportScopes scopes, IReportingStore store) : IQueryHandler<GetTicketCountsQuery, TicketCountsReport>
{
    public async ValueTask<TicketCountsReport> Handle(GetTicketCountsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query.Filter, cancellationToken);
        var counts = await store.CountByAsync(scope.Slice, query.Dimension, cancellationToken);
        var total = counts.Sum(c => c.Count);
        var culture = CultureInfo.CurrentUICulture;
        var rows = query.Dimension switch
        {
            ReportDimension.Type => EnumRows<TicketType>(query.Dimension, counts, culture),
            ReportDimension.Urgency => EnumRows<Urgency>(query.Dimension, counts, culture),
            ReportDimension.Priority => EnumRows<Priority>(query.Dimension, counts, culture),
            ReportDimension.Status => EnumRows<TicketStatus>(query.Dimension, counts, culture),
            ReportDimension.Source => EnumRows<TicketSource>(query.Dimension, counts, culture),
            ReportDimension.Category => counts.Select(c => (c.Key ?? string.Empty, c.Key is null ? Messages.Get("reporting.none.category", culture) : scope.CategoryPath(int.Parse(c.Key, CultureInfo.InvariantCulture)), c.Count)).ToList(),
            ReportDimension.Department => counts.Select(c => (c.Key ?? string.Empty, c.Key ?? Messages.Get("reporting.none.department", culture), c.Count)).ToList(),
            _ => counts.Select(c => (c.Key ?? string.Empty, c.Key is null ? Messages.Get("reporting.none.technician", culture) : c.Label ?? c.Key, c.Count)).ToList(),
        };
        var ordered = query.Dimension is ReportDimension.Category or ReportDimension.Department or ReportDimension.Technician
            ? rows.OrderByDescending(r => r.Item3).ThenBy(r => r.Item2, StringComparer.Create(culture, ignoreCase: true))
            : rows.AsEnumerable();
        return new TicketCountsReport(
            scope.Period.From,
            scope.Period.To,
            query.Dimension,
            total,
            ordered.Select(r => new CountRow(r.Item1, r.Item2, r.Item3, Share(r.Item3, total))).ToList());
    }

    internal static double Share(int count, int total) => total == 0 ? 0 : Math.Round(count * 100.0 / total, 1, MidpointRounding.AwayFromZero);

    private static List<(string, string, int)> EnumRows<T>(ReportDimension dimension, IReadOnlyList<KeyCount> counts, CultureInfo culture)
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(value =>
        {
            var stored = Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            var name = value.ToString();
            return (name, ReportingMessages.Label(dimension, name, culture), counts.Where(c => c.Key == stored).Sum(c => c.Count));
        }).ToList();
}
