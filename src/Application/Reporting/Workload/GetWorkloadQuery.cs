using Mediator;
using MesaServicios.Application.Reporting.ServiceTimes;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Domain.Reporting;

namespace MesaServicios.Application.Reporting.Workload;

/// <summary>
/// Each technician's load: tickets assigned to him and open now, tickets he solved in the period, and the median
/// time to resolve (business minutes) of those. Every active technician is listed, busiest first.
/// </summary>
public sealed record GetWorkloadQuery(ReportFilter Filter) : IQuery<WorkloadReport>;

public sealed record WorkloadReport(DateOnly From, DateOnly To, IReadOnlyList<WorkloadRow> Rows);

public sealed record WorkloadRow(string TechnicianId, string Name, int Open, int SolvedInPeriod, double? MedianResolveMinutes);

internal sealed class GetWorkloadQueryHandler(ReportScopes scopes, IReportingStore store, IServiceLevelCatalog serviceLevels)
    : IQueryHandler<GetWorkloadQuery, WorkloadReport>
{
    public async ValueTask<WorkloadReport> Handle(GetWorkloadQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query.Filter, cancellationToken);
        var open = await store.OpenTicketsAsync(scope.Slice, cancellationToken);
        var solved = await GetServiceTimesQueryHandler.DurationsAsync(store, scope, TimeBasis.Solved, serviceLevels, scope.Period.From.AddDays(-90), cancellationToken);
        // The solved tickets (a year holds up to a million) grouped by technician in two passes over the columns: each
        // ticket's group is its technician key (an array lookup), counted first, then the times to resolve filled into
        // arrays of their exact size.
        var byKey = new SolvedGroup?[solved.TechnicianIds.Count];
        var keyOf = solved.TechnicianKeys;
        var resolve = solved.Resolve;
        for (var i = 0; i < solved.Count; i++)
        {
            if (solved.TechnicianIds[keyOf[i]] is null)
            {
                continue;
            }

            (byKey[keyOf[i]] ??= new SolvedGroup(solved.TechnicianNames[keyOf[i]])).Count += double.IsNaN(resolve[i]) ? 0 : 1;
        }

        foreach (var group in byKey)
        {
            group?.Resolve = new double[group.Count];
        }

        for (var i = 0; i < solved.Count; i++)
        {
            if (byKey[keyOf[i]] is { } group && !double.IsNaN(resolve[i]))
            {
                group.Resolve[group.Filled++] = resolve[i];
            }
        }

        var groups = Enumerable.Range(0, byKey.Length).Where(k => byKey[k] is not null)
            .ToDictionary(k => solved.TechnicianIds[k]!, k => byKey[k]!, StringComparer.Ordinal);

        var technicians = (await store.TechniciansAsync(cancellationToken)).ToDictionary(t => t.Key!, t => t.Label ?? t.Key!);
        foreach (var (id, name) in open.Select(o => (o.TechnicianId, o.TechnicianName)).Concat(groups.Select(g => ((string?)g.Key, g.Value.Name))).Where(t => t.Item1 is not null))
        {
            technicians.TryAdd(id!, name ?? id!);
        }

        if (query.Filter.TechnicianId is { } only)
        {
            technicians = technicians.Where(t => string.Equals(t.Key, only.ToString(), StringComparison.OrdinalIgnoreCase)).ToDictionary();
        }

        var openBy = open.Where(o => o.TechnicianId is not null).GroupBy(o => o.TechnicianId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var resolveBy = groups.ToDictionary(g => g.Key, g => g.Value.Resolve, StringComparer.Ordinal);
        var rows = technicians.Select(t =>
        {
            var resolve = resolveBy.GetValueOrDefault(t.Key) ?? [];
            return new WorkloadRow(t.Key, t.Value, openBy.GetValueOrDefault(t.Key), resolve.Length, GetServiceTimesQueryHandler.Round(Percentile.Select(resolve, 50)[0]));
        })
        .OrderByDescending(r => r.Open).ThenByDescending(r => r.SolvedInPeriod).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
        .ToList();
        return new WorkloadReport(scope.Period.From, scope.Period.To, rows);
    }

    /// <summary>One technician's solved tickets: the name, how many have a time to resolve, and those times.</summary>
    private sealed class SolvedGroup(string? name)
    {
        public string? Name { get; } = name;

        public int Count { get; set; }

        public int Filled { get; set; }

        public double[] Resolve { get; set; } = [];
    }
}
