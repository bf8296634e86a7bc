using System.Globalization;
using MesaServicios.Application.Tickets.SearchTickets;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>
/// The tickets' search on SQLite FTS5 (<see cref="TicketsSql"/>): all the words required, each as a word or the start
/// of one; UNION the tickets above the watermark (not indexed yet: a handful, read by number) whose text holds every
/// word. A word is first expanded into the indexed words it starts (<c>impreso</c> → <c>("impresora" OR
/// "impresoras")</c>, read from the index's vocabulary <see cref="TicketsSql.TermsTable"/>): FTS5 evaluates a prefix
/// (<c>"impreso"*</c>) by merging the lists of every such word into one before it returns the first match (35 ms for a
/// word in a fifth of a million tickets, against 5 ms for the same tickets read as words), while words stream in
/// number order, so the newest matches cost a few entries and a count one pass over the list. A word starting more than
/// <see cref="MaxTerms"/> indexed words, of one or two letters, or not plain ASCII, stays a prefix. The expansion is read
/// once per request (the index is scoped).
/// </summary>
internal sealed class SqliteTicketSearchIndex(MesaDbContext db) : ITicketSearchIndex
{
    /// <summary>A word starting more indexed words than this is searched as a prefix (one merged list).</summary>
    internal const int MaxTerms = 32;

    private static readonly string[] Separators =
        ["char(10)", "char(13)", "char(9)", "','", "'.'", "';'", "':'", "'('", "')'", "'\"'", "''''", "'-'", "'/'", "'¿'", "'?'", "'¡'", "'!'", "'#'", "'_'", "'*'"];

    /// <summary>
    /// The text with a space first and the usual separators made spaces, so that <c>LIKE '% word%'</c> finds a word's
    /// beginning, as the index does (the few tickets above the watermark only).
    /// </summary>
    private static readonly string WordStarts = Separators.Aggregate(
        "(' ' || \"SearchText\")", (text, separator) => $"replace({text}, {separator}, ' ')");

    private const string AboveWatermark = $"SELECT \"Id\" AS \"Value\" FROM \"Tickets\" WHERE \"Id\" > (SELECT \"UpTo\" FROM {TicketsSql.WatermarkTable})";

    private readonly Dictionary<string, Expansion> _expanded = new(StringComparer.Ordinal);

    public IQueryable<int> Matching(TicketSearchWords words)
    {
        // A composable query by the port's shape, so synchronous: the search has read the expansion already (CountAsync).
        var match = ExpandAsync(words, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var (scan, parameters) = Scan(words);
        if (match is null)
        {
            return db.Database.SqlQueryRaw<int>(scan, parameters.ToArray());
        }

        parameters.Add(match);
        var sql = $"SELECT rowid AS \"Value\" FROM {TicketsSql.SearchTable} WHERE {TicketsSql.SearchTable} MATCH {Placeholder(parameters.Count - 1)} UNION ALL {scan}";
        return db.Database.SqlQueryRaw<int>(sql, parameters.ToArray());
    }

    public async Task<int> CountAsync(TicketSearchWords words, CancellationToken cancellationToken)
    {
        var match = await ExpandAsync(words, cancellationToken);
        var (scan, parameters) = Scan(words);
        var sql = $"SELECT (SELECT COUNT(*) FROM ({scan}))";
        if (words.Words.Count == 1 && _expanded[words.Words[0]].Documents is { } documents)
        {
            // One word starting one indexed word: the vocabulary read for the expansion counted its tickets already.
            sql += " + " + documents.ToString(CultureInfo.InvariantCulture);
        }
        else if (match is not null)
        {
            parameters.Add(match);
            sql += $" + (SELECT COUNT(*) FROM {TicketsSql.SearchTable} WHERE {TicketsSql.SearchTable} MATCH {Placeholder(parameters.Count - 1)})";
        }

        sql += " AS \"Value\"";
        return (await db.Database.SqlQueryRaw<int>(sql, parameters.ToArray()).ToListAsync(cancellationToken))[0];
    }

    public async Task<IReadOnlyList<int>> FirstByNumberAsync(TicketSearchWords words, int max, bool descending, CancellationToken cancellationToken)
    {
        // Every ticket above the watermark has a higher number than every indexed one: newest first, the scan's few
        // matches come first and the index's follow; oldest first, the other way round.
        var match = await ExpandAsync(words, cancellationToken);
        var direction = descending ? "DESC" : "ASC";
        var (scan, parameters) = Scan(words);
        parameters.Add(max);
        var aboveSql = $"SELECT \"Value\" FROM ({scan}) ORDER BY \"Value\" {direction} LIMIT {Placeholder(parameters.Count - 1)}";
        var above = await db.Database.SqlQueryRaw<int>(aboveSql, parameters.ToArray()).ToListAsync(cancellationToken);
        var indexedSql = $"SELECT rowid AS \"Value\" FROM {TicketsSql.SearchTable} WHERE {TicketsSql.SearchTable} MATCH {{0}} ORDER BY rowid {direction} LIMIT {{1}}";
        List<int> indexed = match is null || (descending && above.Count >= max)
            ? []
            : await db.Database.SqlQueryRaw<int>(indexedSql, match, max).ToListAsync(cancellationToken);
        return (descending ? above.Concat(indexed) : indexed.Concat(above)).Take(max).ToList();
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
    /// The tickets above the watermark holding every word at the beginning of a word (the few tickets not indexed yet
    /// are read whole). Only constants in the text; every word travels as a parameter.
    /// </summary>
    private static (string Sql, List<object> Parameters) Scan(TicketSearchWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var parameters = new List<object>();
        var scan = AboveWatermark;
        foreach (var word in words.Words)
        {
            scan += " AND " + WordStarts + " LIKE " + Placeholder(parameters.Count);
            parameters.Add("% " + word + "%");
        }

        return (scan, parameters);
    }

    private static string Placeholder(int index) => "{" + index.ToString(CultureInfo.InvariantCulture) + "}";

    /// <summary>
    /// The FTS5 query for the words, each expanded into the indexed words it starts (<c>("impresora" OR "impresoras")
    /// AND "piso"</c>); null when a word starts no indexed word (the index then finds nothing; the scan above the
    /// watermark may).
    /// </summary>
    private async ValueTask<string?> ExpandAsync(TicketSearchWords words, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.IsEmpty)
        {
            return null;
        }

        var parts = new List<string>(words.Words.Count);
        foreach (var word in words.Words)
        {
            if (!_expanded.TryGetValue(word, out var expansion))
            {
                expansion = await ExpandAsync(word, cancellationToken);
                _expanded[word] = expansion;
            }

            if (expansion.Match is null)
            {
                return null;
            }

            parts.Add(expansion.Match);
        }

        return string.Join(" AND ", parts);
    }

    private async Task<Expansion> ExpandAsync(string word, CancellationToken cancellationToken)
    {
        // Only plain ASCII words are expanded: for them the vocabulary's order and the tokenizer's folding are the bytes
        // the word already has. Any other word, or one of one or two letters (it starts too many), stays a prefix.
        if (word.Length <= 2 || !word.All(char.IsAsciiLetterOrDigit))
        {
            return new Expansion(Prefix(word), null);
        }

        var terms = await db.Database.SqlQueryRaw<IndexedWord>(
            $"SELECT term AS \"Term\", doc AS \"Documents\" FROM {TicketsSql.TermsTable} WHERE term >= {{0}} AND term < {{1}} LIMIT {{2}}",
            word, word + "\U0010FFFF", MaxTerms + 1).ToListAsync(cancellationToken);
        return terms.Count switch
        {
            0 => new Expansion(null, 0),
            > MaxTerms => new Expansion(Prefix(word), null),
            1 => new Expansion(Term(terms[0].Term), terms[0].Documents),
            _ => new Expansion("(" + string.Join(" OR ", terms.Select(t => Term(t.Term))) + ")", null),
        };
    }

    private static string Prefix(string word) => $"\"{word}\"*";

    /// <summary>Indexed words hold letters and digits only (the tokenizer splits on anything else): quoting is safe.</summary>
    private static string Term(string term) => $"\"{term}\"";

    /// <summary>
    /// A typed word as the index is asked for it: the FTS5 query part (null: it starts no indexed word), and the number of
    /// tickets holding it when it is exactly one indexed word (the vocabulary counts them).
    /// </summary>
    private sealed record Expansion(string? Match, int? Documents);

    /// <summary>A row of the index's vocabulary: a word and how many tickets hold it.</summary>
    private sealed class IndexedWord
    {
        public string Term { get; set; } = string.Empty;

        public int Documents { get; set; }
    }
}
