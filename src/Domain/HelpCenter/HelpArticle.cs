using System.Text.Json;
using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.HelpCenter;

/// <summary>
/// A help article: a frequently asked question or a video tutorial, in Spanish and optionally in English. Starts as
/// a draft; only published articles are public. Every change is kept as a revision (who, when, what).
/// </summary>
public sealed class HelpArticle
{
    public const int SlugMaxLength = 120;
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 20_000;
    public const int TranscriptMaxLength = 50_000;
    public const int TagMaxLength = 40;
    public const int MaxTags = 12;
    public const int UrlMaxLength = 500;

    private readonly List<HelpArticleRevision> _revisions = [];

    private HelpArticle()
    {
        Slug = string.Empty;
        TitleEs = string.Empty;
        BodyEs = string.Empty;
        BodyHtmlEs = string.Empty;
        BodyTextEs = string.Empty;
        Tags = [];
    }

    public int Id { get; private set; }

    /// <summary>The article's address for people (<c>/ayuda/olvide-mi-contrasena</c>): lower case, digits and hyphens.</summary>
    public string Slug { get; private set; }

    public HelpArticleKind Kind { get; private set; }

    public HelpCategory Category { get; private set; }

    public List<string> Tags { get; private set; }

    /// <summary>Position inside its category (smaller first).</summary>
    public int Order { get; private set; }

    public string TitleEs { get; private set; }

    public string BodyEs { get; private set; }

    public string BodyHtmlEs { get; private set; }

    public string BodyTextEs { get; private set; }

    public string? TitleEn { get; private set; }

    public string? BodyEn { get; private set; }

    public string? BodyHtmlEn { get; private set; }

    public string? BodyTextEn { get; private set; }

    public string? VideoUrl { get; private set; }

    public int? VideoDurationSeconds { get; private set; }

    public string? Transcript { get; private set; }

    public bool IsPublished { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>The default article this one was created from at first start (never overwritten afterwards).</summary>
    public string? SeedKey { get; private set; }

    /// <summary>The solved ticket whose solution this article was drafted from.</summary>
    public int? SourceTicketId { get; private set; }

    public int ViewCount { get; private set; }

    public int HelpfulCount { get; private set; }

    public int NotHelpfulCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid? UpdatedBy { get; private set; }

    /// <summary>Concurrency token: 1 when created, +1 on every edit, publication or withdrawal; sent as the ETag.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<HelpArticleRevision> Revisions => _revisions;

    public static HelpArticle Create(HelpArticleDraft draft, Guid? authorId, DateTimeOffset now, string? seedKey = null, int? sourceTicketId = null)
    {
        var article = new HelpArticle
        {
            CreatedAt = now,
            CreatedBy = authorId,
            SeedKey = seedKey,
            SourceTicketId = sourceTicketId,
        };
        article.Apply(draft);
        article.Touch(authorId, now);
        article.Record(HelpRevisionKind.Created, ["all"], authorId, now);
        return article;
    }

    /// <summary>An edit. Records which fields changed; an edit that changes nothing records nothing.</summary>
    public void Edit(HelpArticleDraft draft, Guid authorId, DateTimeOffset now)
    {
        var before = Snapshot();
        Apply(draft);
        var changed = ChangedFields(before, Snapshot());
        if (changed.Count == 0)
        {
            return;
        }

        Touch(authorId, now);
        Record(HelpRevisionKind.Edited, changed, authorId, now);
    }

    public void Publish(Guid? authorId, DateTimeOffset now)
    {
        if (IsPublished)
        {
            throw new DomainException("help.already_published", DomainErrorKind.Conflict);
        }

        if (Kind == HelpArticleKind.VideoTutorial && VideoUrl is null)
        {
            throw new DomainException("help.video_required");
        }

        IsPublished = true;
        PublishedAt = now;
        Touch(authorId, now);
        Record(HelpRevisionKind.Published, [], authorId, now);
    }

    public void Unpublish(Guid authorId, DateTimeOffset now)
    {
        if (!IsPublished)
        {
            throw new DomainException("help.not_published", DomainErrorKind.Conflict);
        }

        IsPublished = false;
        Touch(authorId, now);
        Record(HelpRevisionKind.Unpublished, [], authorId, now);
    }

    /// <summary>A person's vote changed from <paramref name="previous"/> (null: first vote) to <paramref name="helpful"/>.</summary>
    public void CountVote(bool? previous, bool helpful)
    {
        if (previous == helpful)
        {
            return;
        }

        if (previous is { } old)
        {
            if (old)
            {
                HelpfulCount--;
            }
            else
            {
                NotHelpfulCount--;
            }
        }

        if (helpful)
        {
            HelpfulCount++;
        }
        else
        {
            NotHelpfulCount++;
        }
    }

    private void Apply(HelpArticleDraft draft)
    {
        if (draft.Kind == HelpArticleKind.VideoTutorial && draft.Video is null)
        {
            throw new DomainException("help.video_required");
        }

        Slug = Guard.NotBlank(draft.Slug, "help.slug_invalid").ToLowerInvariant();
        Kind = draft.Kind;
        Category = draft.Category;
        Tags = draft.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Order = draft.Order;
        TitleEs = Guard.NotBlank(draft.Spanish.Title, "help.title_required");
        BodyEs = draft.Spanish.Markdown;
        BodyHtmlEs = draft.Spanish.Html;
        BodyTextEs = draft.Spanish.PlainText;
        TitleEn = draft.English?.Title.Trim();
        BodyEn = draft.English?.Markdown;
        BodyHtmlEn = draft.English?.Html;
        BodyTextEn = draft.English?.PlainText;
        VideoUrl = draft.Kind == HelpArticleKind.VideoTutorial ? draft.Video?.Url : null;
        VideoDurationSeconds = draft.Kind == HelpArticleKind.VideoTutorial ? draft.Video?.DurationSeconds : null;
        Transcript = draft.Kind == HelpArticleKind.VideoTutorial ? draft.Video?.Transcript : null;
    }

    private void Touch(Guid? authorId, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedBy = authorId;
        Version++;
    }

    private void Record(HelpRevisionKind kind, IReadOnlyList<string> changedFields, Guid? authorId, DateTimeOffset now) =>
        _revisions.Add(new HelpArticleRevision(Id, Version, kind, changedFields, authorId, now, JsonSerializer.Serialize(Snapshot())));

    private Dictionary<string, string?> Snapshot() => new()
    {
        ["slug"] = Slug,
        ["kind"] = Kind.ToString(),
        ["category"] = Category.ToString(),
        ["tags"] = string.Join(", ", Tags),
        ["order"] = Order.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["titleEs"] = TitleEs,
        ["bodyEs"] = BodyEs,
        ["titleEn"] = TitleEn,
        ["bodyEn"] = BodyEn,
        ["videoUrl"] = VideoUrl,
        ["videoDurationSeconds"] = VideoDurationSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["transcript"] = Transcript,
        ["isPublished"] = IsPublished ? "true" : "false",
    };

    private static List<string> ChangedFields(Dictionary<string, string?> before, Dictionary<string, string?> after) =>
        after.Where(pair => !string.Equals(before.GetValueOrDefault(pair.Key), pair.Value, StringComparison.Ordinal)).Select(pair => pair.Key).ToList();
}
