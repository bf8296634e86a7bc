using MesaServicios.Domain.HelpCenter;

namespace MesaServicios.Application.HelpCenter;

/// <summary>A video tutorial's video.</summary>
public sealed record HelpVideoDto(string Url, int DurationSeconds, string? Transcript);

/// <summary>What the desk wrote (Markdown), shown only to technicians and administrators.</summary>
public sealed record HelpArticleSource(string TitleEs, string BodyEs, string? TitleEn, string? BodyEn, int? SourceTicketId);

/// <summary>
/// An article in the caller's language (English when asked for and written, else Spanish): the body as sanitised
/// HTML and as plain text, its counters, and its version (the ETag).
/// </summary>
public sealed record HelpArticleDetails(
    int Id,
    string Slug,
    string Kind,
    string Category,
    IReadOnlyList<string> Tags,
    int Order,
    string Language,
    string Title,
    string BodyHtml,
    string BodyText,
    bool HasEnglish,
    HelpVideoDto? Video,
    bool IsPublished,
    DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt,
    int Views,
    int Helpful,
    int NotHelpful,
    int Version,
    HelpArticleSource? Source);

/// <summary>An article in a list: title and a short excerpt in the caller's language.</summary>
public sealed record HelpArticleSummary(
    int Id,
    string Slug,
    string Kind,
    string Category,
    IReadOnlyList<string> Tags,
    int Order,
    string Title,
    string Excerpt,
    bool IsPublished,
    int? VideoDurationSeconds);

internal static class HelpArticleViews
{
    public const int ExcerptLength = 200;

    public static bool WantsEnglish(string language, HelpArticle article) => language == "en" && article.TitleEn is not null && article.BodyHtmlEn is not null;

    public static HelpArticleDetails Details(HelpArticle article, string language, bool forDesk)
    {
        var english = WantsEnglish(language, article);
        return new HelpArticleDetails(
            article.Id,
            article.Slug,
            article.Kind.ToString(),
            article.Category.ToString(),
            article.Tags,
            article.Order,
            english ? "en" : "es",
            english ? article.TitleEn! : article.TitleEs,
            english ? article.BodyHtmlEn! : article.BodyHtmlEs,
            english ? article.BodyTextEn! : article.BodyTextEs,
            article.TitleEn is not null,
            article.VideoUrl is null ? null : new HelpVideoDto(article.VideoUrl, article.VideoDurationSeconds ?? 0, article.Transcript),
            article.IsPublished,
            article.PublishedAt,
            article.UpdatedAt,
            article.ViewCount,
            article.HelpfulCount,
            article.NotHelpfulCount,
            article.Version,
            forDesk ? new HelpArticleSource(article.TitleEs, article.BodyEs, article.TitleEn, article.BodyEn, article.SourceTicketId) : null);
    }

    public static HelpArticleSummary Summary(HelpArticle article, string language)
    {
        var english = WantsEnglish(language, article);
        return new HelpArticleSummary(
            article.Id,
            article.Slug,
            article.Kind.ToString(),
            article.Category.ToString(),
            article.Tags,
            article.Order,
            english ? article.TitleEn! : article.TitleEs,
            Excerpt(english ? article.BodyTextEn! : article.BodyTextEs),
            article.IsPublished,
            article.VideoDurationSeconds);
    }

    public static string Excerpt(string text)
    {
        var flat = text.Replace('\n', ' ').Trim();
        if (flat.Length <= ExcerptLength)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', ExcerptLength);
        return flat[..(cut > 0 ? cut : ExcerptLength)] + "…";
    }

    public static HelpSearchDocument SearchDocument(HelpArticle article) => new(
        article.Id,
        article.IsPublished,
        article.TitleEs,
        string.Join(' ', article.Tags),
        article.Transcript is null ? article.BodyTextEs : $"{article.BodyTextEs}\n{article.Transcript}",
        article.TitleEn,
        article.BodyTextEn);
}
