using System.Globalization;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Domain.Reporting;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Reporting.ServiceTimes;

/// <summary>
/// Time to own and time to resolve (p50, p90) in business minutes of the tickets opened in the period, by urgency
/// and by technician. Time to own runs from the opening to the first assignment or public answer; time to resolve
/// from the opening to the solution, less the business time the clock was paused (Pending, or a rejected solution).
/// </summary>
public sealed record GetServiceTimesQuery(ReportFilter Filter) : IQuery<ServiceTimesReport>;

public sealed record ServiceTimesReport(DateOnly From, DateOnly To, IReadOnlyList<ServiceTimeRow> ByUrgency, IReadOnlyList<ServiceTimeRow> ByTechnician);

/// <summary>A group's tickets, how many were owned and solved, and the percentiles (null when none).</summary>
public sealed record ServiceTimeRow(string Key, string Label, int Tickets, int Owned, int Solved, double? OwnP50, double? OwnP90, double? ResolveP50, double? ResolveP90);

internal sealed class GetServiceTimesQueryHandler(ReportScopes scopes, IReportingStore store, IServiceLevelCatalog serviceLevels)
    : IQueryHandler<GetServiceTimesQuery, ServiceTimesReport>
{
    public async ValueTask<ServiceTimesReport> Handle(GetServiceTimesQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query.Filter, cancellationToken);
        var measured = await DurationsAsync(store, scope, TimeBasis.Opened, serviceLevels, scope.Period.From.AddDays(-1), cancellationToken);
        var culture = CultureInfo.CurrentUICulture;

        // Two passes over the columns (a year holds a million tickets): the groups are counted first, then filled into
        // arrays of their exact size. An urgency is its number and a technician his key: array lookups, no dictionary.
        var urgencies = Enum.GetValues<Urgency>();
        var byUrgency = new DurationGroup[urgencies.Max(u => (int)u) + 1];
        foreach (var urgency in urgencies)
        {
            byUrgency[(int)urgency] = new DurationGroup();
        }

        var byKey = new DurationGroup?[measured.TechnicianIds.Count];
        var urgencyOf = measured.Urgencies;
        var keyOf = measured.TechnicianKeys;
        var own = measured.Own;
        var resolve = measured.Resolve;
        for (var i = 0; i < measured.Count; i++)
        {
            var (owned, solved) = (!double.IsNaN(own[i]), !double.IsNaN(resolve[i]));
            byUrgency[urgencyOf[i]].Count(owned, solved);
            (byKey[keyOf[i]] ??= new DurationGroup()).Count(owned, solved);
        }

        foreach (var group in byUrgency.Concat(byKey))
        {
            group?.Allocate();
        }

        for (var i = 0; i < measured.Count; i++)
        {
            byUrgency[urgencyOf[i]].Add(own[i], resolve[i]);
            byKey[keyOf[i]]!.Add(own[i], resolve[i]);
        }

        var technicians = Enumerable.Range(0, byKey.Length).Where(k => byKey[k] is not null)
            .Select(k => (Key: measured.TechnicianIds[k] ?? string.Empty, Name: measured.TechnicianNames[k], Group: byKey[k]!));
        var urgencyRows = urgencies.Select(u => Row(u.ToString(), ReportingMessages.Label(ReportDimension.Urgency, u.ToString(), culture), byUrgency[(int)u])).ToList();
        var byTechnician = technicians
            .Select(g => Row(g.Key, g.Key.Length == 0 ? Messages.Get("reporting.none.technician", culture) : g.Name ?? g.Key, g.Group))
            .OrderByDescending(r => r.Tickets).ThenBy(r => r.Label, StringComparer.Create(culture, ignoreCase: true))
            .ToList();
        return new ServiceTimesReport(scope.Period.From, scope.Period.To, urgencyRows, byTechnician);
    }

    /// <summary>The stored time to own, or (stored before it was kept) measured on the timeline.</summary>
    internal static double? OwnMinutes(TicketTimes ticket, BusinessTimeline timeline) =>
        ticket.FirstResponseAt is not { } owned ? null : ticket.OwnMinutes ?? timeline.Between(ticket.CreatedAt, owned);

    /// <summary>The stored time to resolve, or (stored before it was kept) measured on the timeline.</summary>
    internal static double? ResolveMinutes(TicketTimes ticket, BusinessTimeline timeline) =>
        ticket.SolvedAt is not { } solved ? null : ticket.ResolveMinutes ?? Math.Max(0, timeline.Between(ticket.CreatedAt, solved) - ticket.PausedMinutes);

    /// <summary>
    /// The slice's business times: the stored ones read narrow, or (when some ticket was owned or solved before they
    /// were stored) every ticket's clock read and measured on the timeline from <paramref name="first"/>.
    /// </summary>
    internal static async Task<DurationColumns> DurationsAsync(IReportingStore store, ReportScope scope, TimeBasis basis, IServiceLevelCatalog serviceLevels, DateOnly first, CancellationToken cancellationToken)
    {
        if (await store.DurationsAsync(scope.Slice, basis, cancellationToken) is { } stored)
        {
            return stored;
        }

        var calendar = (await serviceLevels.CurrentAsync(cancellationToken)).Calendar;
        var tickets = await store.TicketTimesAsync(scope.Slice, basis, cancellationToken);
        var timeline = scope.Timeline(calendar, first);
        return DurationColumns.From(tickets.Select(t => new TicketDuration(t.Urgency, t.TechnicianId, t.TechnicianName, OwnMinutes(t, timeline), ResolveMinutes(t, timeline))).ToList());
    }

    private static ServiceTimeRow Row(string key, string label, DurationGroup group)
    {
        // Percentiles by selection, not by sorting each list (the same nearest ranks).
        var own = Percentile.Select(group.Own, 50, 90);
        var resolve = Percentile.Select(group.Resolve, 50, 90);
        return new ServiceTimeRow(key, label, group.Tickets, group.Own.Length, group.Resolve.Length,
            Round(own[0]), Round(own[1]), Round(resolve[0]), Round(resolve[1]));
    }

    /// <summary>A group's tickets and the durations of those owned and solved (counted, allocated, then filled).</summary>
    private sealed class DurationGroup
    {
        private int _owned;
        private int _solved;

        public int Tickets { get; private set; }

        public double[] Own { get; private set; } = [];

        public double[] Resolve { get; private set; } = [];

        public void Count(bool owned, bool solved)
        {
            Tickets++;
            _owned += owned ? 1 : 0;
            _solved += solved ? 1 : 0;
        }

        public void Allocate()
        {
            Own = new double[_owned];
            Resolve = new double[_solved];
            (_owned, _solved) = (0, 0);
        }

        /// <summary>One ticket's minutes (NaN: none).</summary>
        public void Add(double own, double resolve)
        {
            if (!double.IsNaN(own))
            {
                Own[_owned++] = own;
            }

            if (!double.IsNaN(resolve))
            {
                Resolve[_solved++] = resolve;
            }
        }
    }

    internal static double? Round(double? minutes) => minutes is { } m ? Math.Round(m, 1, MidpointRounding.AwayFromZero) : null;
}
