using System.Globalization;
using System.Text.Json;
using MesaServicios.Application.Reporting;
using MesaServicios.Domain.Tickets;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// The quality reports on SQLite: the rejection tallies, the reopening counts and the choice of a page are scans of the
/// in-memory <see cref="ReportingColumnStore"/> (caught up exactly on every read, ADR 0017), so a whole year is a pass
/// over a million small entries instead of a million index entries grouped by SQL; only the page's rows (titles,
/// reasons, names) are read from the tables, by ticket id. The monthly report's two counts stay in the shared SQL of
/// <see cref="QualityReportingStore"/>. Results are those of that SQL (same definitions, same order).
/// </summary>
internal sealed class SqliteQualityReportingStore(MesaDbContext db, PortableSql sql, ReportingColumnStore columns) : IQualityReportingStore
{
    private readonly QualityReportingStore shared = new(sql);

    public async Task<IReadOnlyList<SolutionTally>> SolutionTalliesAsync(TicketSlice slice, CancellationToken cancellationToken)
    {
        var tallies = await columns.ReadAsync(db.Database.GetDbConnection(), c => c.SolutionTallies(slice), cancellationToken);
        var names = await NamesAsync(tallies.Select(t => t.Author), cancellationToken);
        return tallies.Select(t => new SolutionTally(Guid.Parse(t.Author), names.GetValueOrDefault(t.Author), t.Proposed, t.Rejected)).ToList();
    }

    public async Task<IReadOnlyList<RejectedSolution>> RejectedSolutionsAsync(TicketSlice slice, int skip, int? take, CancellationToken cancellationToken)
    {
        var page = await columns.ReadAsync(db.Database.GetDbConnection(), c => c.RejectedPage(slice, skip, take), cancellationToken);
        if (page.Count == 0)
        {
            return [];
        }

        var rows = new Dictionary<(int, long), Queue<RejectedSolution>>();
        await foreach (var r in sql.ReadAsync(
            "SELECT t.\"Id\", t.\"Title\", s.\"AuthorId\", u.\"FullName\", s.\"CreatedAt\", s.\"DecidedAt\", s.\"DecisionComment\" "
            + "FROM \"TicketSolutions\" s JOIN \"Tickets\" t ON t.\"Id\" = s.\"TicketId\" LEFT JOIN \"Users\" u ON u.\"Id\" = s.\"AuthorId\" "
            + "WHERE s.\"TicketId\" IN (SELECT value FROM json_each(@p0)) AND s.\"Outcome\" = " + ((int)SolutionOutcome.Rejected).ToString(CultureInfo.InvariantCulture),
            [Ids(page.Select(p => p.TicketId))], cancellationToken))
        {
            var row = new RejectedSolution(
                PortableSql.Int(r, 0), r.GetString(1), PortableSql.Id(r, 2)!.Value, PortableSql.Text(r, 3),
                PortableSql.Instant(r, 4)!.Value, PortableSql.Instant(r, 5), PortableSql.Text(r, 6));
            Enqueue(rows, (row.TicketId, row.ProposedAt.UtcTicks), row);
        }

        return InOrder(page.Select(p => (p.TicketId, p.ProposedAt)), rows);
    }

    public async Task<ReopeningSummary> ReopeningSummaryAsync(TicketSlice slice, CancellationToken cancellationToken)
    {
        var (byTechnician, byCategory) = await columns.ReadAsync(db.Database.GetDbConnection(), c => c.ReopeningTallies(slice), cancellationToken);
        var names = await NamesAsync(byTechnician.Where(t => t.Technician is not null).Select(t => t.Technician!), cancellationToken);
        return new ReopeningSummary(
            byTechnician.Select(t => new ReopeningTechnicianTally(t.Technician is null ? null : Guid.Parse(t.Technician), t.Technician is null ? null : names.GetValueOrDefault(t.Technician), t.Tickets, t.Reopenings)).ToList(),
            byCategory.Select(c => new ReopeningCategoryTally(c.Category, c.Tickets, c.Reopenings)).ToList());
    }

    public async Task<IReadOnlyList<Reopening>> ReopeningsAsync(TicketSlice slice, int skip, int? take, CancellationToken cancellationToken)
    {
        var page = await columns.ReadAsync(db.Database.GetDbConnection(), c => c.ReopeningPage(slice, skip, take), cancellationToken);
        if (page.Count == 0)
        {
            return [];
        }

        var rows = new Dictionary<(int, long), Queue<Reopening>>();
        await foreach (var r in sql.ReadAsync(
            "SELECT t.\"Id\", t.\"Title\", t.\"AssignedTechnicianId\", u.\"FullName\", t.\"CategoryId\", h.\"OccurredAt\", h.\"FromStatus\", h.\"Text\", h.\"Sequence\" "
            + "FROM \"TicketHistory\" h JOIN \"Tickets\" t ON t.\"Id\" = h.\"TicketId\" LEFT JOIN \"Users\" u ON u.\"Id\" = t.\"AssignedTechnicianId\" "
            + "WHERE h.\"TicketId\" IN (SELECT value FROM json_each(@p0)) AND " + ReportingQualitySql.ReopenedCondition("h"),
            [Ids(page.Select(p => p.TicketId))], cancellationToken))
        {
            var row = new Reopening(
                PortableSql.Int(r, 0), r.GetString(1), PortableSql.Id(r, 2), PortableSql.Text(r, 3), PortableSql.NullableInt(r, 4),
                PortableSql.Instant(r, 5)!.Value, (TicketStatus)PortableSql.Int(r, 6), PortableSql.Text(r, 7));
            Enqueue(rows, (row.TicketId, PortableSql.Int(r, 8)), row);
        }

        return InOrder(page.Select(p => (p.TicketId, (long)p.Sequence)), rows);
    }

    public Task<int> ClosedCountAsync(TicketSlice slice, CancellationToken cancellationToken) => shared.ClosedCountAsync(slice, cancellationToken);

    public Task<int> OpenAtEndCountAsync(TicketSlice slice, CancellationToken cancellationToken) => shared.OpenAtEndCountAsync(slice, cancellationToken);

    private static string Ids(IEnumerable<int> ids) => "[" + string.Join(',', ids.Distinct().Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]";

    private static void Enqueue<T>(Dictionary<(int, long), Queue<T>> rows, (int, long) key, T row)
    {
        if (!rows.TryGetValue(key, out var queue))
        {
            rows[key] = queue = new Queue<T>();
        }

        queue.Enqueue(row);
    }

    /// <summary>The page's rows in the order the columns chose (a row changed or gone since is left out).</summary>
    private static List<T> InOrder<T>(IEnumerable<(int, long)> page, Dictionary<(int, long), Queue<T>> rows)
    {
        var ordered = new List<T>();
        foreach (var key in page)
        {
            if (rows.TryGetValue(key, out var queue) && queue.TryDequeue(out var row))
            {
                ordered.Add(row);
            }
        }

        return ordered;
    }

    /// <summary>The users' names (any role, as stored) for a few stored ids.</summary>
    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = ids.Distinct().ToList();
        if (keys.Count == 0)
        {
            return names;
        }

        await foreach (var r in sql.ReadAsync("SELECT \"Id\", \"FullName\" FROM \"Users\" WHERE \"Id\" IN (SELECT value FROM json_each(@p0))", [JsonSerializer.Serialize(keys)], cancellationToken))
        {
            names[r.GetString(0)] = r.GetString(1);
        }

        return names;
    }
}
