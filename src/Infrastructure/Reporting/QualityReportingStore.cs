using System.Globalization;
using System.Text;
using MesaServicios.Application.Reporting;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// Rejected solutions and reopened tickets, in SQL that runs unchanged on SQLite and PostgreSQL (the PostgreSQL store;
/// on SQLite <see cref="SqliteQualityReportingStore"/> answers from the column store and keeps only the two counts here). Bounded and indexed
/// (see <see cref="ReportingQualitySql"/>): the solutions of a period are found through
/// <c>IX_TicketSolutions_Reporting_Created</c> (CreatedAt, AuthorId, Outcome, TicketId — the tallies read the index and
/// one ticket row by key each), the reopenings through the partial <c>IX_TicketHistory_Reporting_Reopened</c> (only the
/// rows that leave Solved or Closed for work, by instant): a month at 1,000,000 tickets reads a month's solutions and
/// a few thousand history rows, never the whole tables.
/// </summary>
internal sealed class QualityReportingStore(PortableSql sql) : IQualityReportingStore
{
    private const string Rejected = "3";

    public async Task<IReadOnlyList<SolutionTally>> SolutionTalliesAsync(TicketSlice slice, CancellationToken cancellationToken)
    {
        var (where, parameters) = SolutionsWhere(slice);
        // Counted per author first, named after: a year holds a million solutions. The tickets are joined only when a
        // filter is on the ticket (type, source, category, department); otherwise the period's range of the covering
        // index is all the count reads (no lookup of each solution's ticket).
        var tickets = TicketFiltered(slice) ? " JOIN \"Tickets\" t ON t.\"Id\" = s.\"TicketId\"" : string.Empty;
        var text = "SELECT g.\"AuthorId\", u.\"FullName\", g.\"Proposed\", g.\"Rejected\" FROM (SELECT s.\"AuthorId\" AS \"AuthorId\", COUNT(*) AS \"Proposed\", "
            + "SUM(CASE WHEN s.\"Outcome\" = " + Rejected + " THEN 1 ELSE 0 END) AS \"Rejected\" FROM \"TicketSolutions\" s" + tickets
            + " WHERE " + where + " GROUP BY s.\"AuthorId\") g LEFT JOIN \"Users\" u ON u.\"Id\" = g.\"AuthorId\"";
        var rows = new List<SolutionTally>();
        await foreach (var r in sql.ReadAsync(text, parameters, cancellationToken))
        {
            rows.Add(new SolutionTally(PortableSql.Id(r, 0)!.Value, PortableSql.Text(r, 1), PortableSql.Int(r, 2), PortableSql.Int(r, 3)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<RejectedSolution>> RejectedSolutionsAsync(TicketSlice slice, int skip, int? take, CancellationToken cancellationToken)
    {
        var (where, parameters) = SolutionsWhere(slice);
        var text = new StringBuilder("SELECT t.\"Id\", t.\"Title\", s.\"AuthorId\", u.\"FullName\", s.\"CreatedAt\", s.\"DecidedAt\", s.\"DecisionComment\" ")
            .Append("FROM \"TicketSolutions\" s JOIN \"Tickets\" t ON t.\"Id\" = s.\"TicketId\" LEFT JOIN \"Users\" u ON u.\"Id\" = s.\"AuthorId\" ")
            .Append("WHERE ").Append(where).Append(" AND s.\"Outcome\" = ").Append(Rejected)
            .Append(" ORDER BY s.\"CreatedAt\" DESC, t.\"Id\" DESC");
        if (take is { } size)
        {
            text.Append(" LIMIT ").Append(size.ToString(CultureInfo.InvariantCulture))
                .Append(" OFFSET ").Append(Math.Max(0, skip).ToString(CultureInfo.InvariantCulture));
        }

        var rows = new List<RejectedSolution>();
        await foreach (var r in sql.ReadAsync(text.ToString(), parameters, cancellationToken))
        {
            rows.Add(new RejectedSolution(
                PortableSql.Int(r, 0), r.GetString(1), PortableSql.Id(r, 2)!.Value, PortableSql.Text(r, 3),
                PortableSql.Instant(r, 4)!.Value, PortableSql.Instant(r, 5), PortableSql.Text(r, 6)));
        }

        return rows;
    }

    public async Task<ReopeningSummary> ReopeningSummaryAsync(TicketSlice slice, CancellationToken cancellationToken)
    {
        var (where, parameters) = ReopeningsWhere(slice);
        var from = "FROM \"TicketHistory\" h JOIN \"Tickets\" t ON t.\"Id\" = h.\"TicketId\" ";
        var byTechnician = new List<ReopeningTechnicianTally>();
        await foreach (var r in sql.ReadAsync(
            "SELECT g.\"TechnicianId\", u.\"FullName\", g.\"Tickets\", g.\"Reopenings\" FROM (SELECT t.\"AssignedTechnicianId\" AS \"TechnicianId\", COUNT(DISTINCT t.\"Id\") AS \"Tickets\", COUNT(*) AS \"Reopenings\" "
            + from + "WHERE " + where + " GROUP BY t.\"AssignedTechnicianId\") g LEFT JOIN \"Users\" u ON u.\"Id\" = g.\"TechnicianId\"",
            parameters, cancellationToken))
        {
            byTechnician.Add(new ReopeningTechnicianTally(PortableSql.Id(r, 0), PortableSql.Text(r, 1), PortableSql.Int(r, 2), PortableSql.Int(r, 3)));
        }

        var byCategory = new List<ReopeningCategoryTally>();
        await foreach (var r in sql.ReadAsync(
            "SELECT t.\"CategoryId\", COUNT(DISTINCT t.\"Id\"), COUNT(*) " + from + "WHERE " + where + " GROUP BY t.\"CategoryId\"", parameters, cancellationToken))
        {
            byCategory.Add(new ReopeningCategoryTally(PortableSql.NullableInt(r, 0), PortableSql.Int(r, 1), PortableSql.Int(r, 2)));
        }

        return new ReopeningSummary(byTechnician, byCategory);
    }

    public async Task<IReadOnlyList<Reopening>> ReopeningsAsync(TicketSlice slice, int skip, int? take, CancellationToken cancellationToken)
    {
        var (where, parameters) = ReopeningsWhere(slice);
        var text = new StringBuilder("SELECT t.\"Id\", t.\"Title\", t.\"AssignedTechnicianId\", u.\"FullName\", t.\"CategoryId\", h.\"OccurredAt\", h.\"FromStatus\", h.\"Text\" ")
            .Append("FROM \"TicketHistory\" h JOIN \"Tickets\" t ON t.\"Id\" = h.\"TicketId\" LEFT JOIN \"Users\" u ON u.\"Id\" = t.\"AssignedTechnicianId\" ")
            .Append("WHERE ").Append(where).Append(" ORDER BY h.\"OccurredAt\", t.\"Id\", h.\"Sequence\"");
        if (take is { } size)
        {
            text.Append(" LIMIT ").Append(size.ToString(CultureInfo.InvariantCulture))
                .Append(" OFFSET ").Append(Math.Max(0, skip).ToString(CultureInfo.InvariantCulture));
        }

        var rows = new List<Reopening>();
        await foreach (var r in sql.ReadAsync(text.ToString(), parameters, cancellationToken))
        {
            rows.Add(new Reopening(
                PortableSql.Int(r, 0), r.GetString(1), PortableSql.Id(r, 2), PortableSql.Text(r, 3), PortableSql.NullableInt(r, 4),
                PortableSql.Instant(r, 5)!.Value, (TicketStatus)PortableSql.Int(r, 6), PortableSql.Text(r, 7)));
        }

        return rows;
    }

    private (string Where, List<object> Parameters) ReopeningsWhere(TicketSlice slice)
    {
        var parameters = new List<object> { slice.Start.UtcTicks, slice.End.UtcTicks };
        // The condition on the statuses is written exactly as the partial index's, so both engines use it.
        var where = new StringBuilder("h.\"OccurredAt\" >= @p0 AND h.\"OccurredAt\" < @p1 AND ")
            .Append(ReportingQualitySql.ReopenedCondition("h"));
        PortableSql.TicketFilters(slice, where, parameters);
        if (slice.TechnicianId is { } technician)
        {
            where.Append(" AND t.\"AssignedTechnicianId\" = ").Append(PortableSql.Parameter(parameters, sql.IdParameter(technician)));
        }

        return (where.ToString(), parameters);
    }

    public async Task<int> ClosedCountAsync(TicketSlice slice, CancellationToken cancellationToken)
    {
        var parameters = new List<object> { slice.Start.UtcTicks, slice.End.UtcTicks };
        var where = new StringBuilder("t.\"ClosedAt\" >= @p0 AND t.\"ClosedAt\" < @p1");
        return await CountAsync(slice, where, parameters, cancellationToken);
    }

    public async Task<int> OpenAtEndCountAsync(TicketSlice slice, CancellationToken cancellationToken)
    {
        // Open at the end = opened before it and not solved or closed by then: open now (New, In progress, Pending), or
        // solved/closed only after it. Read once a month (the monthly report), not on every request.
        var parameters = new List<object> { slice.End.UtcTicks };
        var where = new StringBuilder("t.\"CreatedAt\" < @p0 AND (t.\"Status\" IN (1, 2, 4) OR t.\"SolvedAt\" >= @p0 OR (t.\"SolvedAt\" IS NULL AND t.\"ClosedAt\" >= @p0))");
        return await CountAsync(slice, where, parameters, cancellationToken);
    }

    private async Task<int> CountAsync(TicketSlice slice, StringBuilder where, List<object> parameters, CancellationToken cancellationToken)
    {
        PortableSql.TicketFilters(slice, where, parameters);
        if (slice.TechnicianId is { } technician)
        {
            where.Append(" AND t.\"AssignedTechnicianId\" = ").Append(PortableSql.Parameter(parameters, sql.IdParameter(technician)));
        }

        await foreach (var r in sql.ReadAsync("SELECT COUNT(*) FROM \"Tickets\" t WHERE " + where, parameters, cancellationToken))
        {
            return PortableSql.Int(r, 0);
        }

        return 0;
    }

    private static bool TicketFiltered(TicketSlice slice) =>
        slice.Type is not null || slice.Source is not null || slice.CategoryIds is not null || slice.Department is not null;

    private (string Where, List<object> Parameters) SolutionsWhere(TicketSlice slice)
    {
        var parameters = new List<object> { slice.Start.UtcTicks, slice.End.UtcTicks };
        var where = new StringBuilder("s.\"CreatedAt\" >= @p0 AND s.\"CreatedAt\" < @p1");
        PortableSql.TicketFilters(slice, where, parameters);
        if (slice.TechnicianId is { } technician)
        {
            where.Append(" AND s.\"AuthorId\" = ").Append(PortableSql.Parameter(parameters, sql.IdParameter(technician)));
        }

        return (where.ToString(), parameters);
    }
}
