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
        var now = clock.GetUtcNow();
        var tickets = await store.TicketTimesAsync(scope.Slice, TimeBasis.Opened, cancellationToken);
        var judged = tickets.Where(t => t.OwnTargetMinutes > 0).Select(t => (t.Urgency, Verdict: Judge(t, now))).ToList();
        var culture = CultureInfo.CurrentUICulture;
        var rows = Enum.GetValues<Urgency>().Select(u =>
        {
            var of = judged.Where(j => j.Urgency == u).Select(j => j.Verdict).ToList();
            return Row(u.ToString(), ReportingMessages.Label(ReportDimension.Urgency, u.ToString(), culture), of);
        }).ToList();
        var all = Row(string.Empty, string.Empty, judged.Select(j => j.Verdict).ToList());
        return new ServiceLevelComplianceReport(scope.Period.From, scope.Period.To, all.Met, all.Missed, all.Running, all.CompliancePercent, rows);
    }

    /// <summary>0 met, 1 missed, 2 running.</summary>
    internal static int Judge(TicketTimes t, DateTimeOffset now)
    {
        var ownStop = t.FirstResponseAt ?? t.SolvedAt ?? now;
        var resolveStop = t.SolvedAt ?? t.PausedSince ?? now;
        if (ownStop > t.OwnDueAt || resolveStop > t.ResolveDueAt)
        {
            return 1;
        }

        return t.SolvedAt is not null ? 0 : 2;
    }

    private static ComplianceRow Row(string key, string label, IReadOnlyList<int> verdicts)
    {
        var met = verdicts.Count(v => v == 0);
        var missed = verdicts.Count(v => v == 1);
        var running = verdicts.Count(v => v == 2);
        double? percent = met + missed == 0 ? null : Math.Round(met * 100.0 / (met + missed), 1, MidpointRounding.AwayFromZero);
        return new ComplianceRow(key, label, met, missed, running, percent);
    }
}
