using System.Globalization;
using Mediator;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Reporting.ServiceLevelCompliance;

/// <summary>
/// Service-level compliance per urgency of the tickets opened in the period. Met: owned by the time-to-own target and
/// solved by the time-to-resolve target. Missed: either target passed (solved late, or still open past it now).
/// Running: open and within both. Compliance = met ÷ (met + missed), null when nothing is decided yet.
/// </summary>
public sealed record GetServiceLevelComplianceQuery(ReportFilter Filter) : IQuery<ServiceLevelComplianceReport>;

public sealed record ServiceLevelComplianceReport(DateOnly From, DateOnly To, int Met, int Missed, int Running, double? CompliancePercent, IReadOnlyList<ComplianceRow> ByUrgency);

public sealed record ComplianceRow(string Key, string Label, int Met, int Missed, int Running, double? CompliancePercent);

internal sealed class GetServiceLevelComplianceQueryHandler(ReportScopes scopes, IReportingStore store, TimeProvider clock)
    : IQueryHandler<GetServiceLevelComplianceQuery, ServiceLevelComplianceReport>
{
    public async ValueTask<ServiceLevelComplianceReport> Handle(GetServiceLevelComplianceQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query.Filter, cancellationToken);
        // Judged and counted in the database (a year is a million tickets), per urgency: see IReportingStore.ComplianceAsync.
        var counts = await store.ComplianceAsync(scope.Slice, clock.GetUtcNow(), cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        var rows = Enum.GetValues<Urgency>().Select(u =>
        {
            var of = counts.Where(c => c.Urgency == u).ToList();
            return Row(u.ToString(), ReportingMessages.Label(ReportDimension.Urgency, u.ToString(), culture), of.Sum(c => c.Met), of.Sum(c => c.Missed), of.Sum(c => c.Running));
        }).ToList();
        var all = Row(string.Empty, string.Empty, counts.Sum(c => c.Met), counts.Sum(c => c.Missed), counts.Sum(c => c.Running));
        return new ServiceLevelComplianceReport(scope.Period.From, scope.Period.To, all.Met, all.Missed, all.Running, all.CompliancePercent, rows);
    }

    private static ComplianceRow Row(string key, string label, int met, int missed, int running)
    {
        double? percent = met + missed == 0 ? null : Math.Round(met * 100.0 / (met + missed), 1, MidpointRounding.AwayFromZero);
        return new ComplianceRow(key, label, met, missed, running, percent);
    }
}
