namespace MesaServicios.Application.HelpCenter;

/// <summary>What the search index keeps of an article (plain text; the index analyses it itself).</summary>
public sealed record HelpSearchDocument(
    int ArticleId,
    bool IsPublished,
    string TitleEs,
    string Tags,
    string BodyEs,
    string? TitleEn,
    string? BodyEn);

/// <summary>An article the index found, best first (a larger score is a better match).</summary>
public sealed record HelpSearchHit(int ArticleId, double Score);

/// <summary>
/// Port: full-text search over help articles, accent- and case-insensitive, with ranking. Written in the same
/// transaction as the article (SQLite FTS5, or PostgreSQL's text search with <c>Database:Provider=Postgres</c>).
/// </summary>
public interface IHelpSearchIndex
{
    /// <summary>Adds or replaces the article's entry.</summary>
    Task IndexAsync(HelpSearchDocument document, CancellationToken cancellationToken);

    /// <summary>
    /// The best articles for <paramref name="terms"/> (analysed with <see cref="Search.HelpTextAnalyzer"/>): any term
    /// may match, articles matching more and rarer terms, in their titles and tags first, rank higher.
    /// </summary>
    Task<IReadOnlyList<HelpSearchHit>> SearchAsync(IReadOnlyList<string> terms, bool publishedOnly, int limit, CancellationToken cancellationToken);
}
