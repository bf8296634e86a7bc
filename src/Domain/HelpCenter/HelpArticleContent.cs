namespace MesaServicios.Domain.HelpCenter;

/// <summary>One language version of an article: its title, Markdown body and the body rendered (sanitised HTML, plain text).</summary>
public sealed record HelpText(string Title, string Markdown, string Html, string PlainText);

/// <summary>A video tutorial's video: its address (already checked), length and optional transcript.</summary>
public sealed record HelpVideo(string Url, int DurationSeconds, string? Transcript);

/// <summary>Everything an author writes in an article (one edit).</summary>
public sealed record HelpArticleDraft(
    string Slug,
    HelpArticleKind Kind,
    HelpCategory Category,
    IReadOnlyList<string> Tags,
    int Order,
    HelpText Spanish,
    HelpText? English,
    HelpVideo? Video);
