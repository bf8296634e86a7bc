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
        // The solved tickets (a year holds up to a million) grouped by technician in two passes: each item's group looked
        // up once (by reference first: a store hands out one string per technician, then by text), counted, then the
        // times to resolve filled into arrays of their exact size.
        var groups = new Dictionary<string, SolvedGroup>(StringComparer.Ordinal);
        var byReference = new Dictionary<object, SolvedGroup>(ReferenceEqualityComparer.Instance);
        var groupOf = new SolvedGroup?[solved.Count];
        for (var i = 0; i < solved.Count; i++)
        {
            var s = solved[i];
            if (s.TechnicianId is not { } technician)
            {
                continue;
            }

            if (!byReference.TryGetValue(technician, out var group))
            {
                if (!groups.TryGetValue(technician, out group))
                {
                    groups[technician] = group = new SolvedGroup(s.TechnicianName);
                }

                if (byReference.Count < 256)
                {
                    byReference[technician] = group;
                }
            }

            group.Count += s.ResolveMinutes is null ? 0 : 1;
            groupOf[i] = group;
        }

        foreach (var group in groups.Values)
        {
            group.Resolve = new double[group.Count];
        }

        for (var i = 0; i < solved.Count; i++)
        {
            if (groupOf[i] is { } group && solved[i].ResolveMinutes is { } minutes)
            {
                group.Resolve[group.Filled++] = minutes;
            }
        }

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
