using System.Globalization;
using MesaServicios.Application.Tickets.SearchTickets;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>
/// The tickets' search on SQLite FTS5 (<see cref="TicketsSql"/>): every word quoted (a plain token, whatever it is) and
/// marked as a prefix, all of them required; UNION the tickets above the watermark (not indexed yet: a handful, read by
/// number) whose text holds every word.
/// </summary>
internal sealed class SqliteTicketSearchIndex(MesaDbContext db) : ITicketSearchIndex
{
    private const string Indexed = $"SELECT rowid AS \"Value\" FROM {TicketsSql.SearchTable} WHERE {TicketsSql.SearchTable} MATCH {{0}}";

    private static readonly string[] Separators =
        ["char(10)", "char(13)", "char(9)", "','", "'.'", "';'", "':'", "'('", "')'", "'\"'", "''''", "'-'", "'/'", "'¿'", "'?'", "'¡'", "'!'", "'#'", "'_'", "'*'"];

    /// <summary>
    /// The text with a space first and the usual separators made spaces, so that <c>LIKE '% word%'</c> finds a word's
    /// beginning, as the index does (the few tickets above the watermark only).
    /// </summary>
    private static readonly string WordStarts = Separators.Aggregate(
        "(' ' || \"SearchText\")", (text, separator) => $"replace({text}, {separator}, ' ')");

    private const string AboveWatermark = $"SELECT \"Id\" AS \"Value\" FROM \"Tickets\" WHERE \"Id\" > (SELECT \"UpTo\" FROM {TicketsSql.WatermarkTable})";

    public IQueryable<int> Matching(TicketSearchWords words)
    {
        var (sql, parameters) = Query(words, count: false);
        return db.Database.SqlQueryRaw<int>(sql, parameters);
    }

    public async Task<int> CountAsync(TicketSearchWords words, CancellationToken cancellationToken)
    {
        var (sql, parameters) = Query(words, count: true);
        return (await db.Database.SqlQueryRaw<int>(sql, parameters).ToListAsync(cancellationToken))[0];
    }

    public async Task<int> CatchUpAsync(DateTimeOffset openedBefore, int max, CancellationToken cancellationToken)
    {
        // The new watermark: just below the first ticket above it opened too recently (it may still be committing), at
        // most max further; then its tickets go into the index and the watermark moves, in the command's transaction.
        var from = (await db.Database.SqlQueryRaw<long>($"SELECT \"UpTo\" AS \"Value\" FROM {TicketsSql.WatermarkTable}").ToListAsync(cancellationToken)).Single();
        var upTo = (await db.Database.SqlQueryRaw<long>(
            "SELECT COALESCE((SELECT MIN(\"Id\") - 1 FROM \"Tickets\" WHERE \"Id\" > {0} AND \"CreatedAt\" >= {1}), (SELECT MAX(\"Id\") FROM \"Tickets\"), {0}) AS \"Value\"",
            from, openedBefore.UtcTicks).ToListAsync(cancellationToken)).Single();
        upTo = Math.Min(upTo, from + max);
        if (upTo <= from)
        {
            return 0;
        }

        var indexed = await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {TicketsSql.SearchTable} (rowid, \"SearchText\") SELECT \"Id\", \"SearchText\" FROM \"Tickets\" WHERE \"Id\" > {{0}} AND \"Id\" <= {{1}}",
            [from, upTo],
            cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"UPDATE {TicketsSql.WatermarkTable} SET \"UpTo\" = {{0}}", [upTo], cancellationToken);
        return indexed;
    }

    public Task<IReadOnlyList<string>> DepartmentsAsync(CancellationToken cancellationToken) => TicketDepartments.DistinctAsync(db, cancellationToken);

    /// <summary>
    /// The index's matches UNION the tickets above the watermark holding every word at the beginning of a word (the few
    /// tickets not indexed yet are read whole). Only constants in the text; every word travels as a parameter.
    /// </summary>
    private static (string Sql, object[] Parameters) Query(TicketSearchWords words, bool count)
    {
        ArgumentNullException.ThrowIfNull(words);
        var parameters = new List<object> { Match(words) };
        var scan = AboveWatermark;
        foreach (var word in words.Words)
        {
            scan += " AND " + WordStarts + " LIKE {" + parameters.Count.ToString(CultureInfo.InvariantCulture) + "}";
            parameters.Add("% " + word + "%");
        }

        var sql = count
            ? $"SELECT (SELECT COUNT(*) FROM {TicketsSql.SearchTable} WHERE {TicketsSql.SearchTable} MATCH {{0}}) + (SELECT COUNT(*) FROM ({scan})) AS \"Value\""
            : Indexed + " UNION ALL " + scan;
        return (sql, parameters.ToArray());
    }

    /// <summary><c>"impreso"* "piso"*</c>: words hold letters and digits only, so quoting cannot be escaped.</summary>
    internal static string Match(TicketSearchWords words) =>
        words.IsEmpty ? "\"\"" : string.Join(' ', words.Words.Select(w => $"\"{w}\"*"));
}
