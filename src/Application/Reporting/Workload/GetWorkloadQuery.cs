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
        var technicians = (await store.TechniciansAsync(cancellationToken)).ToDictionary(t => t.Key!, t => t.Label ?? t.Key!);
        foreach (var (id, name) in open.Select(o => (o.TechnicianId, o.TechnicianName)).Concat(solved.Select(s => (s.TechnicianId, s.TechnicianName))).Where(t => t.TechnicianId is not null))
        {
            technicians.TryAdd(id!, name ?? id!);
        }

        if (query.Filter.TechnicianId is { } only)
        {
            technicians = technicians.Where(t => string.Equals(t.Key, only.ToString(), StringComparison.OrdinalIgnoreCase)).ToDictionary();
        }

        // One pass over each list (a year holds up to a million solved tickets), grouped by technician.
        var openBy = open.Where(o => o.TechnicianId is not null).GroupBy(o => o.TechnicianId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // Counted first, then filled into arrays of their exact size (a year holds up to a million solved tickets).
        var solvedBy = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in solved)
        {
            if (s is { TechnicianId: { } technician, ResolveMinutes: not null })
            {
                solvedBy[technician] = solvedBy.GetValueOrDefault(technician) + 1;
            }
        }

        var resolveBy = solvedBy.ToDictionary(s => s.Key, s => new double[s.Value], StringComparer.Ordinal);
        var filled = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in solved)
        {
            if (s is { TechnicianId: { } technician, ResolveMinutes: { } minutes })
            {
                var at = filled.GetValueOrDefault(technician);
                resolveBy[technician][at] = minutes;
                filled[technician] = at + 1;
            }
        }

        var rows = technicians.Select(t =>
        {
            var resolve = resolveBy.GetValueOrDefault(t.Key) ?? [];
            return new WorkloadRow(t.Key, t.Value, openBy.GetValueOrDefault(t.Key), resolve.Length, GetServiceTimesQueryHandler.Round(Percentile.Select(resolve, 50)[0]));
        })
        .OrderByDescending(r => r.Open).ThenByDescending(r => r.SolvedInPeriod).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
        .ToList();
        return new WorkloadReport(scope.Period.From, scope.Period.To, rows);
    }
}
