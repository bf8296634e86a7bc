namespace MesaServicios.Domain.HelpCenter;

/// <summary>One change of an article: who, when, what kind, which fields, and the article's content after it.</summary>
public sealed class HelpArticleRevision
{
    private HelpArticleRevision()
    {
        ChangedFields = [];
        Snapshot = string.Empty;
    }

    internal HelpArticleRevision(int articleId, int number, HelpRevisionKind kind, IReadOnlyList<string> changedFields, Guid? authorId, DateTimeOffset at, string snapshot)
    {
        Id = Guid.CreateVersion7(at);
        ArticleId = articleId;
        Number = number;
        Kind = kind;
        ChangedFields = [.. changedFields];
        AuthorId = authorId;
        At = at;
        Snapshot = snapshot;
    }

    public Guid Id { get; private set; }

    public int ArticleId { get; private set; }

    /// <summary>The article's version after this change.</summary>
    public int Number { get; private set; }

    public HelpRevisionKind Kind { get; private set; }

    /// <summary>The fields this edit changed (e.g. <c>titleEs</c>, <c>bodyEs</c>); <c>all</c> when created.</summary>
    public List<string> ChangedFields { get; private set; }

    /// <summary>Null when the system wrote it (the default content).</summary>
    public Guid? AuthorId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The article's content after the change, as JSON.</summary>
    public string Snapshot { get; private set; }
}
