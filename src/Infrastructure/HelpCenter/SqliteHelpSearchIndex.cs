using System.Globalization;
using MesaServicios.Application.HelpCenter;
using MesaServicios.Application.HelpCenter.Search;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.HelpCenter;

/// <summary>
/// The help search index on SQLite FTS5 (<see cref="HelpCenterSql"/>). Written through the command's own connection,
/// so an article and its index entry commit together. Ranked by BM25 with titles weighing most, then tags, then bodies.
/// </summary>
internal sealed class SqliteHelpSearchIndex(MesaDbContext db) : IHelpSearchIndex
{
    // bm25 weights, in column order: status (a filter, not ranked), title, tags, body, title_en, body_en.
    private const string Rank = $"bm25({HelpCenterSql.SearchTable}, 0.0, 10.0, 6.0, 1.0, 5.0, 0.5)";

    public async Task IndexAsync(HelpSearchDocument document, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            $"DELETE FROM {HelpCenterSql.SearchTable} WHERE rowid = {{0}}; " +
            $"INSERT INTO {HelpCenterSql.SearchTable} (rowid, status, title, tags, body, title_en, body_en) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}, {{6}});",
            [
                document.ArticleId,
                document.IsPublished ? "published" : "draft",
                HelpTextAnalyzer.ForIndex(document.TitleEs),
                HelpTextAnalyzer.ForIndex(document.Tags),
                HelpTextAnalyzer.ForIndex(document.BodyEs),
                HelpTextAnalyzer.ForIndex(document.TitleEn),
                HelpTextAnalyzer.ForIndex(document.BodyEn),
            ],
            cancellationToken);
    }

    public async Task<IReadOnlyList<HelpSearchHit>> SearchAsync(IReadOnlyList<string> terms, bool publishedOnly, int limit, CancellationToken cancellationToken)
    {
        // Terms come from the analyser (letters and digits only); quoting each makes it a plain token for FTS5.
        var any = string.Join(" OR ", terms.Where(t => t.Length > 0).Select(t => $"\"{t.Replace("\"", string.Empty, StringComparison.Ordinal)}\""));
        if (any.Length == 0)
        {
            return [];
        }

        var match = "{title tags body title_en body_en}: (" + any + ")" + (publishedOnly ? " AND status: published" : string.Empty);
        // Only constants and a number are put in the text; the query itself travels as a parameter.
        var sql = "SELECT rowid AS ArticleId, -" + Rank + " AS Score FROM " + HelpCenterSql.SearchTable + " WHERE " + HelpCenterSql.SearchTable
            + " MATCH {0} ORDER BY " + Rank + " LIMIT " + limit.ToString(CultureInfo.InvariantCulture);
        var rows = await db.Database.SqlQueryRaw<SearchRow>(sql, match).ToListAsync(cancellationToken);
        return rows.Select(r => new HelpSearchHit(r.ArticleId, r.Score)).ToList();
    }

    private sealed class SearchRow
    {
        public int ArticleId { get; set; }

        public double Score { get; set; }
    }
}
