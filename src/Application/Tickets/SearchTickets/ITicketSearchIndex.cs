using System.Globalization;
using MesaServicios.Domain.Common;

namespace MesaServicios.Application.Tickets.SearchTickets;

/// <summary>
/// Port: the full-text index of the tickets' titles and descriptions (their folded <c>SearchText</c>): SQLite FTS5,
/// written after the creation by <see cref="IndexNewTicketsCommand"/> (a ticket not indexed yet is found by a scan of
/// the few tickets above the index's watermark, so results are always complete), or PostgreSQL's text search with
/// <c>Database:Provider=Postgres</c> (kept by the server in the ticket's own transaction).
/// </summary>
public interface ITicketSearchIndex
{
    /// <summary>
    /// The ids of the tickets whose text holds every one of <paramref name="words"/> (each as a word or the start of
    /// one: "impreso" finds "impresora"), as a query the search composes with its other filters (same context).
    /// </summary>
    IQueryable<int> Matching(TicketSearchWords words);

    /// <summary>How many tickets <see cref="Matching"/> finds, counted in the index alone (no ticket row read).</summary>
    Task<int> CountAsync(TicketSearchWords words, CancellationToken cancellationToken);

    /// <summary>
    /// The numbers of the first <paramref name="max"/> tickets <see cref="Matching"/> finds, by number (highest first
    /// when <paramref name="descending"/>), read in the index's own order and stopping there: the newest matches of a
    /// common word without building the set of all of them.
    /// </summary>
    Task<IReadOnlyList<int>> FirstByNumberAsync(TicketSearchWords words, int max, bool descending, CancellationToken cancellationToken);

    /// <summary>
    /// Indexes the tickets above the watermark opened before <paramref name="openedBefore"/> (at most
    /// <paramref name="max"/>, by number) and moves the watermark past them; returns how many. Run inside a command's
    /// transaction; nothing to do where the engine keeps the index itself.
    /// </summary>
    Task<int> CatchUpAsync(DateTimeOffset openedBefore, int max, CancellationToken cancellationToken);

    /// <summary>The distinct requester departments written on tickets (one index seek each), for the department filter.</summary>
    Task<IReadOnlyList<string>> DepartmentsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// What a person typed in the search box, as the index reads it: folded (any case, any accent) and split into words of
/// letters and digits, exactly as both engines split the tickets' text. Anything else (quotes, <c>*</c>, <c>-</c>,
/// <c>:</c>, parentheses) separates words and never reaches the engine as syntax; <c>NEAR</c>, <c>AND</c> or
/// <c>OR</c> are plain words.
/// </summary>
public sealed record TicketSearchWords
{
    /// <summary>More words than this add nothing a person needs; the rest are ignored.</summary>
    public const int MaxWords = 16;

    private TicketSearchWords(IReadOnlyList<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    /// <summary>No word at all (e.g. the text was only punctuation): nothing can match.</summary>
    public bool IsEmpty => Words.Count == 0;

    public static TicketSearchWords Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = TextFolding.Fold(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            if (i < folded.Length && IsWordCharacter(folded[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                var word = folded[start..i];
                if (!words.Contains(word, StringComparer.Ordinal))
                {
                    words.Add(word);
                }

                start = -1;
            }
        }

        return new TicketSearchWords(words.Take(MaxWords).ToArray());
    }

    /// <summary>Letters and numbers (SQLite's unicode61 tokenizer and PostgreSQL's <c>[[:alnum:]]</c> on folded text).</summary>
    public static bool IsWordCharacter(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
}
