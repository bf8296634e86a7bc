using System.Globalization;
using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Reporting.RejectedSolutions;
using MesaServicios.Application.Reporting.ReopenedTickets;
using MesaServicios.Application.Reporting.ServiceLevelCompliance;
using MesaServicios.Application.Reporting.ServiceTimes;
using MesaServicios.Application.Reporting.TopProblems;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Domain.Reporting;

namespace MesaServicios.Application.Reporting.MonthlyReport;

/// <summary>
/// A month's key figures and its top 10 problems (categories and title terms), each against the month before: what the
/// monthly mail tells the administrators, and what an administrator may preview.
/// </summary>
public sealed record GetMonthlyReportQuery(int Year, int Month) : IQuery<MonthlyReport>;

public sealed record MonthlyReport(
    string Month,
    DateOnly From,
    DateOnly To,
    string PreviousMonth,
    IReadOnlyList<KeyFigure> Figures,
    IReadOnlyList<ProblemRow> TopCategories,
    IReadOnlyList<ProblemRow> TopTerms);

/// <summary>
/// A figure of the month and of the month before (null when it cannot be computed, e.g. a median without tickets);
/// <see cref="Change"/> in percent, null without a base. Keys: opened, solved, closed, backlog_end, own_p50, resolve_p50
/// (business minutes), sla_compliance, rejected_rate (percent), reopened.
/// </summary>
public sealed record KeyFigure(string Key, string Label, double? Value, double? Previous, double? Change);

internal sealed class GetMonthlyReportQueryHandler(
    ReportScopes scopes, IReportingStore store, IQualityReportingStore quality, IServiceLevelCatalog serviceLevels, ISender sender)
    : IQueryHandler<GetMonthlyReportQuery, MonthlyReport>
{
    public static readonly string[] Keys = ["opened", "solved", "closed", "backlog_end", "own_p50", "resolve_p50", "sla_compliance", "rejected_rate", "reopened"];

    public async ValueTask<MonthlyReport> Handle(GetMonthlyReportQuery query, CancellationToken cancellationToken)
    {
        var first = new DateOnly(query.Year, query.Month, 1);
        var previousFirst = first.AddMonths(-1);
        var current = await FiguresAsync(first, cancellationToken);
        var previous = await FiguresAsync(previousFirst, cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        var figures = Keys.Select(k => new KeyFigure(k, Messages.Get("reporting.monthly." + k, culture), current[k], previous[k], ChangeOf(current[k], previous[k]))).ToList();

        var filter = new ReportFilter(first, first.AddMonths(1).AddDays(-1));
        var top = await sender.Send(new GetTopProblemsQuery(filter, 10), cancellationToken);
        var before = await sender.Send(new GetTopProblemsQuery(new ReportFilter(previousFirst, first.AddDays(-1)), GetTopProblemsQuery.MaxTop), cancellationToken);
        return new MonthlyReport(
            MonthlyReportDispatch.Key(first.Year, first.Month),
            first,
            first.AddMonths(1).AddDays(-1),
            MonthlyReportDispatch.Key(previousFirst.Year, previousFirst.Month),
            figures,
            Against(top.Categories, before.Categories),
            Against(top.Terms, before.Terms));
    }

    /// <summary>The month's rows with their count in the month before (the top query compares with a period of equal length instead).</summary>
    private static List<ProblemRow> Against(IReadOnlyList<ProblemRow> rows, IReadOnlyList<ProblemRow> before) =>
        rows.Select(r =>
        {
            var previous = before.FirstOrDefault(b => b.Key == r.Key)?.Count ?? 0;
            return r with { PreviousCount = previous, ChangePercent = Change.Percent(r.Count, previous) };
        }).ToList();

    private async Task<Dictionary<string, double?>> FiguresAsync(DateOnly first, CancellationToken cancellationToken)
    {
        var filter = new ReportFilter(first, first.AddMonths(1).AddDays(-1));
        var scope = await scopes.ResolveAsync(filter, cancellationToken);
        var calendar = (await serviceLevels.CurrentAsync(cancellationToken)).Calendar;
        var opened = (await store.CountByAsync(scope.Slice, ReportDimension.Type, cancellationToken)).Sum(c => c.Count);
        var solved = (await store.SolvedPerDayAsync(scope.Slice, cancellationToken)).Sum(d => d.Count);
        var times = await store.TicketTimesAsync(scope.Slice, TimeBasis.Opened, cancellationToken);
        var timeline = scope.Timeline(calendar, scope.Period.From.AddDays(-1));
        var own = times.Select(t => GetServiceTimesQueryHandler.OwnMinutes(t, timeline)).OfType<double>().ToList();
        var resolve = times.Select(t => GetServiceTimesQueryHandler.ResolveMinutes(t, timeline)).OfType<double>().ToList();
        var compliance = await sender.Send(new GetServiceLevelComplianceQuery(filter), cancellationToken);
        var rejected = await sender.Send(new GetRejectedSolutionsQuery(filter, 1, 1), cancellationToken);
        var reopened = await sender.Send(new GetReopenedTicketsQuery(filter), cancellationToken);
        return new Dictionary<string, double?>
        {
            ["opened"] = opened,
            ["solved"] = solved,
            ["closed"] = await quality.ClosedCountAsync(scope.Slice, cancellationToken),
            ["backlog_end"] = await quality.OpenAtEndCountAsync(scope.Slice, cancellationToken),
            ["own_p50"] = GetServiceTimesQueryHandler.Round(Percentile.Of(own, 50)),
            ["resolve_p50"] = GetServiceTimesQueryHandler.Round(Percentile.Of(resolve, 50)),
            ["sla_compliance"] = compliance.CompliancePercent,
            ["rejected_rate"] = rejected.RatePercent,
            ["reopened"] = reopened.Tickets,
        };
    }

    private static double? ChangeOf(double? value, double? previous) =>
        value is { } v && previous is { } p && p != 0 ? Math.Round((v - p) * 100 / p, 1, MidpointRounding.AwayFromZero) : null;
}

internal sealed class GetMonthlyReportValidator : AbstractValidator<GetMonthlyReportQuery>
{
    public GetMonthlyReportValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(2000, 9999).WithName("month").WithMessage(_ => Messages.Get("reporting.month_invalid"));
        RuleFor(q => q.Month).InclusiveBetween(1, 12).WithName("month").WithMessage(_ => Messages.Get("reporting.month_invalid"));
    }
}
