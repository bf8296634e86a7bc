using Mediator;
using MesaServicios.Domain.Reporting;

namespace MesaServicios.Application.Reporting.TicketTrend;

/// <summary>Tickets opened and solved per day, ISO week (from Monday) or month over the period, with the filters.</summary>
public sealed record GetTicketTrendQuery(ReportFilter Filter, TrendGranularity Granularity) : IQuery<TicketTrendReport>;

/// <summary>Every bucket of the period in order, empty ones included; the first and last buckets may be partial (clipped to the period).</summary>
public sealed record TicketTrendReport(DateOnly From, DateOnly To, TrendGranularity Granularity, int Opened, int Solved, IReadOnlyList<TrendRow> Rows);

/// <summary>A bucket: its first day, tickets opened in it, and tickets (matching the filters) solved in it.</summary>
public sealed record TrendRow(DateOnly PeriodStart, int Opened, int Solved);

internal sealed class GetTicketTrendQueryHandler(ReportScopes scopes, IReportingStore store) : IQueryHandler<GetTicketTrendQuery, TicketTrendReport>
{
    public async ValueTask<TicketTrendReport> Handle(GetTicketTrendQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query.Filter, cancellationToken);
        var opened = await store.OpenedPerDayAsync(scope.Slice, cancellationToken);
        var solved = await store.SolvedPerDayAsync(scope.Slice, cancellationToken);
        var rows = scope.Period.Buckets(query.Granularity).Select(bucket => new TrendRow(
            bucket,
            opened.Where(d => ReportPeriod.BucketOf(d.Day, query.Granularity) == bucket).Sum(d => d.Count),
            solved.Where(d => ReportPeriod.BucketOf(d.Day, query.Granularity) == bucket).Sum(d => d.Count))).ToList();
        return new TicketTrendReport(scope.Period.From, scope.Period.To, query.Granularity, rows.Sum(r => r.Opened), rows.Sum(r => r.Solved), rows);
    }
}
