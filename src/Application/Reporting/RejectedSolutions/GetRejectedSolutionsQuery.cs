using System.Globalization;
using Mediator;
using MesaServicios.Application.Common.Paging;

namespace MesaServicios.Application.Reporting.RejectedSolutions;

/// <summary>
/// The solutions proposed in the period and how many of them the requester rejected (whenever he did), overall and by
/// the technician who proposed them, with the list of the rejected ones (ticket, title, technician, when, the
/// requester's reason), one page at a time (<see cref="All"/> for the whole list, as the CSV does). The technician
/// filter means the solution's author.
/// </summary>
public sealed record GetRejectedSolutionsQuery(ReportFilter Filter, int Page = 1, int PageSize = Paging.DefaultPageSize, bool All = false) : IQuery<RejectedSolutionsReport>;

/// <summary>Rate in percent (one decimal), null when nothing was proposed.</summary>
public sealed record RejectedSolutionsReport(
    DateOnly From,
    DateOnly To,
    int Proposed,
    int Rejected,
    double? RatePercent,
    IReadOnlyList<RejectionRateRow> ByTechnician,
    PagedResult<RejectedSolutionRow> Rejections);

public sealed record RejectionRateRow(Guid TechnicianId, string Technician, int Proposed, int Rejected, double? RatePercent);

public sealed record RejectedSolutionRow(int TicketId, string Title, Guid TechnicianId, string Technician, DateTimeOffset ProposedAt, DateTimeOffset? RejectedAt, string? Reason);

internal sealed class GetRejectedSolutionsQueryHandler(ReportScopes scopes, IQualityReportingStore store) : IQueryHandler<GetRejectedSolutionsQuery, RejectedSolutionsReport>
{
    public async ValueTask<RejectedSolutionsReport> Handle(GetRejectedSolutionsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query.Filter, cancellationToken);
        var tallies = await store.SolutionTalliesAsync(scope.Slice, cancellationToken);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, Paging.MaxPageSize);
        var rejected = await store.RejectedSolutionsAsync(scope.Slice, query.All ? 0 : (page - 1) * size, query.All ? null : size, cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        var byTechnician = tallies
            .Select(t => new RejectionRateRow(t.TechnicianId, t.TechnicianName ?? t.TechnicianId.ToString(), t.Proposed, t.Rejected, Rate(t.Rejected, t.Proposed)))
            .OrderByDescending(r => r.Rejected).ThenByDescending(r => r.Proposed).ThenBy(r => r.Technician, StringComparer.Create(culture, ignoreCase: true))
            .ToList();
        var proposed = tallies.Sum(t => t.Proposed);
        var rejectedTotal = tallies.Sum(t => t.Rejected);
        var items = rejected
            .Select(r => new RejectedSolutionRow(r.TicketId, r.Title, r.TechnicianId, r.TechnicianName ?? r.TechnicianId.ToString(), r.ProposedAt, r.RejectedAt, r.Reason))
            .ToList();
        return new RejectedSolutionsReport(
            scope.Period.From,
            scope.Period.To,
            proposed,
            rejectedTotal,
            Rate(rejectedTotal, proposed),
            byTechnician,
            new PagedResult<RejectedSolutionRow>(items, query.All ? 1 : page, query.All ? items.Count : size, rejectedTotal));
    }

    internal static double? Rate(int part, int whole) =>
        whole == 0 ? null : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);
}
