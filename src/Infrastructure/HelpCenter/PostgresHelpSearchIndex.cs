using System.Globalization;
using MesaServicios.Application.HelpCenter;
using MesaServicios.Application.HelpCenter.Search;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.HelpCenter;

/// <summary>
/// The help search index on PostgreSQL text search (<see cref="HelpCenterPostgresSql"/>). Written through the command's
/// own connection, so an article and its index entry commit together. Weights: Spanish title A, tags and English
/// title B, Spanish body C, English body D; ranked by <c>ts_rank</c>.
/// </summary>
internal sealed class PostgresHelpSearchIndex(MesaDbContext db) : IHelpSearchIndex
{
    private const string Config = $"'{HelpCenterPostgresSql.Configuration}'::regconfig";

    // Only constants in the text; every value travels as a parameter.
    private static readonly string Upsert =
        $"INSERT INTO {HelpCenterPostgresSql.SearchTable} (\"ArticleId\", \"Published\", \"Document\") VALUES ({{0}}, {{1}}, "
        + $"{Weighted(2, 'A')} || {Weighted(3, 'B')} || {Weighted(4, 'C')} || {Weighted(5, 'B')} || {Weighted(6, 'D')}) "
        + "ON CONFLICT (\"ArticleId\") DO UPDATE SET \"Published\" = EXCLUDED.\"Published\", \"Document\" = EXCLUDED.\"Document\";";

    public async Task IndexAsync(HelpSearchDocument document, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            Upsert,
            [
                document.ArticleId,
                document.IsPublished,
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
        // Terms come from the analyser; keeping letters and digits only makes each one a plain lexeme for to_tsquery.
        var any = string.Join(" | ", terms
            .Select(t => new string(t.Where(char.IsLetterOrDigit).ToArray()))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal));
        if (any.Length == 0)
        {
            return [];
        }

        // Only constants and a number are put in the text; the query itself travels as a parameter.
        var sql = $"SELECT s.\"ArticleId\", ts_rank(ARRAY[0.1, 0.2, 0.4, 1.0]::float4[], s.\"Document\", q)::float8 AS \"Score\" "
            + $"FROM {HelpCenterPostgresSql.SearchTable} AS s, to_tsquery({Config}, {{0}}) AS q "
            + "WHERE s.\"Document\" @@ q" + (publishedOnly ? " AND s.\"Published\"" : string.Empty)
            + " ORDER BY \"Score\" DESC, s.\"ArticleId\" LIMIT " + limit.ToString(CultureInfo.InvariantCulture);
        var rows = await db.Database.SqlQueryRaw<SearchRow>(sql, any).ToListAsync(cancellationToken);
        return rows.Select(r => new HelpSearchHit(r.ArticleId, r.Score)).ToList();
    }

    private static string Weighted(int parameter, char weight) =>
        $"setweight(to_tsvector({Config}, {{{parameter}}}), '{weight}')";

    private sealed class SearchRow
    {
        public int ArticleId { get; set; }

        public double Score { get; set; }
    }
}
