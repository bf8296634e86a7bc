using FluentValidation;
using System.Globalization;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Domain.Reporting;

namespace MesaServicios.Application.Reporting.TopProblems;

/// <summary>
/// The most frequent problems of the period: the top <see cref="Top"/> categories and title terms, each with its
/// count in the previous period of equal length and the change.
/// </summary>
public sealed record GetTopProblemsQuery(ReportFilter Filter, int Top = 10) : IQuery<TopProblemsReport>
{
    public const int MaxTop = 100;
}

public sealed record TopProblemsReport(
    DateOnly From,
    DateOnly To,
    DateOnly PreviousFrom,
    DateOnly PreviousTo,
    int Total,
    int PreviousTotal,
    IReadOnlyList<ProblemRow> Categories,
    IReadOnlyList<ProblemRow> Terms);

/// <summary>A category (key = id, label = its path) or a folded title term; change in percent, null when the previous count was 0.</summary>
public sealed record ProblemRow(string Key, string Label, int Count, int PreviousCount, double? ChangePercent);

internal sealed class GetTopProblemsQueryHandler(ReportScopes scopes, IReportingStore store) : IQueryHandler<GetTopProblemsQuery, TopProblemsReport>
{
    public async ValueTask<TopProblemsReport> Handle(GetTopProblemsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query.Filter, cancellationToken);
        var previous = scope.Period.Previous();
        var previousSlice = scope.SliceFor(previous);
        var categories = await store.CountByAsync(scope.Slice, ReportDimension.Category, cancellationToken);
        var previousCategories = await store.CountByAsync(previousSlice, ReportDimension.Category, cancellationToken);
        var terms = await store.TitleTermsAsync(scope.Slice, cancellationToken);
        var previousTerms = await store.TitleTermsAsync(previousSlice, cancellationToken);
        var culture = CultureInfo.CurrentUICulture;

        var categoryRows = categories
            .Select(c => (Key: c.Key ?? string.Empty, Label: c.Key is null ? Messages.Get("reporting.none.category", culture) : scope.CategoryPath(int.Parse(c.Key, CultureInfo.InvariantCulture)), c.Count))
            .Select(c => Row(c.Key, c.Label, c.Count, previousCategories.Where(p => (p.Key ?? string.Empty) == c.Key).Sum(p => p.Count)));
        var termRows = terms.Select(t => Row(t.Key, t.Key, t.Value, previousTerms.GetValueOrDefault(t.Key)));
        return new TopProblemsReport(
            scope.Period.From,
            scope.Period.To,
            previous.From,
            previous.To,
            categories.Sum(c => c.Count),
            previousCategories.Sum(c => c.Count),
            Top(categoryRows, query.Top),
            Top(termRows, query.Top));
    }

    private static ProblemRow Row(string key, string label, int count, int previousCount) =>
        new(key, label, count, previousCount, Change.Percent(count, previousCount));

    private static List<ProblemRow> Top(IEnumerable<ProblemRow> rows, int top) =>
        rows.OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.Ordinal).Take(top).ToList();
}

internal sealed class GetTopProblemsValidator : AbstractValidator<GetTopProblemsQuery>
{
    public GetTopProblemsValidator()
    {
        RuleFor(q => q.Top).InclusiveBetween(1, GetTopProblemsQuery.MaxTop).WithMessage(_ => Messages.Get("reporting.top_invalid"));
    }
}
