using System.Globalization;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Domain.Reporting;

namespace MesaServicios.Application.Reporting.Backlog;

/// <summary>
/// The tickets open now (New, In progress, Pending) matching the filters (the period does not apply: the backlog is
/// today's), by age in whole business days: 0–2, 3–5, 6–10, more than 10. A business day is the shortest working day.
/// </summary>
public sealed record GetBacklogQuery(ReportFilter Filter) : IQuery<BacklogReport>;

public sealed record BacklogReport(DateTimeOffset AsOf, int Total, IReadOnlyList<BacklogRow> Rows);

public sealed record BacklogRow(AgeBucket Bucket, string Label, int Count);

internal sealed class GetBacklogQueryHandler(ReportScopes scopes, IReportingStore store, IServiceLevelCatalog serviceLevels, TimeProvider clock)
    : IQueryHandler<GetBacklogQuery, BacklogReport>
{
    public async ValueTask<BacklogReport> Handle(GetBacklogQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query.Filter, cancellationToken);
        var levels = await serviceLevels.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var open = await store.OpenTicketsAsync(scope.Slice, cancellationToken);
        var timeline = scope.Timeline(levels.Calendar, scope.Today.AddDays(-120));
        var buckets = open.Select(t => BacklogAge.BucketOf(timeline.Between(t.CreatedAt, now), levels.BusinessDayMinutes)).ToList();
        var culture = CultureInfo.CurrentUICulture;
        var rows = Enum.GetValues<AgeBucket>().Select(b => new BacklogRow(b, Messages.Get("reporting.age." + b, culture), buckets.Count(x => x == b))).ToList();
        return new BacklogReport(now, open.Count, rows);
    }
}
