namespace MesaServicios.Domain.Tickets;

/// <summary>A message on the ticket's timeline. Private ones are for the desk only.</summary>
public sealed class TicketFollowUp
{
    private TicketFollowUp()
    {
        Content = string.Empty;
    }

    internal TicketFollowUp(Guid id, int sequence, Guid? authorId, bool authorIsDesk, string content, bool isPrivate, TicketSource source, DateTimeOffset createdAt)
    {
        Id = id;
        Sequence = sequence;
        AuthorId = authorId;
        AuthorIsDesk = authorIsDesk;
        Content = content;
        IsPrivate = isPrivate;
        Source = source;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>Position in the ticket's timeline (ties in time keep the order things happened).</summary>
    public int Sequence { get; private set; }

    public int TicketId { get; private set; }

    /// <summary>Who wrote it; null for a note by the system (e.g. the attachments of a mail that were not accepted).</summary>
    public Guid? AuthorId { get; private set; }

    public bool AuthorIsDesk { get; private set; }

    public string Content { get; private set; }

    public bool IsPrivate { get; private set; }

    /// <summary>Portal for the API, Email for a mailed reply.</summary>
    public TicketSource Source { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>A solution proposed by the desk and what the requester decided about it.</summary>
public sealed class TicketSolution
{
    private TicketSolution()
    {
        Content = string.Empty;
    }

    internal TicketSolution(Guid id, int sequence, Guid authorId, string content, DateTimeOffset createdAt)
    {
        Id = id;
        Sequence = sequence;
        AuthorId = authorId;
        Content = content;
        CreatedAt = createdAt;
        Outcome = SolutionOutcome.Proposed;
    }

    public Guid Id { get; private set; }

    /// <summary>Position in the ticket's timeline (ties in time keep the order things happened).</summary>
    public int Sequence { get; private set; }

    public int TicketId { get; private set; }

    public Guid AuthorId { get; private set; }

    public string Content { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public SolutionOutcome Outcome { get; private set; }

    public Guid? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The approval comment or the rejection reason.</summary>
    public string? DecisionComment { get; private set; }

    internal void Decide(SolutionOutcome outcome, Guid? decidedBy, string? comment, DateTimeOffset at)
    {
        Outcome = outcome;
        DecidedById = decidedBy;
        DecisionComment = comment;
        DecidedAt = at;
    }
}

/// <summary>One line of the ticket's history: a status change, an assignment, an observer change…</summary>
public sealed class TicketHistoryEntry
{
    private TicketHistoryEntry()
    {
    }

    internal TicketHistoryEntry(Guid id, int sequence, TicketHistoryKind kind, Guid? actorId, TicketStatus? fromStatus, TicketStatus? toStatus, Guid? subjectUserId, string? text, DateTimeOffset occurredAt)
    {
        Id = id;
        Sequence = sequence;
        Kind = kind;
        ActorId = actorId;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        SubjectUserId = subjectUserId;
        Text = text;
        OccurredAt = occurredAt;
    }

    public Guid Id { get; private set; }

    /// <summary>Position in the ticket's timeline (ties in time keep the order things happened).</summary>
    public int Sequence { get; private set; }

    public int TicketId { get; private set; }

    public TicketHistoryKind Kind { get; private set; }

    /// <summary>Null when the system acted.</summary>
    public Guid? ActorId { get; private set; }

    public TicketStatus? FromStatus { get; private set; }

    public TicketStatus? ToStatus { get; private set; }

    /// <summary>The technician assigned, or the observer added/removed.</summary>
    public Guid? SubjectUserId { get; private set; }

    /// <summary>The pending reason, the new impact or category, the approval comment or rejection reason.</summary>
    public string? Text { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }
}

/// <summary>Another user who follows the ticket. Removal is recorded, never deleted.</summary>
public sealed class TicketObserver
{
    private TicketObserver()
    {
    }

    internal TicketObserver(Guid id, Guid userId, Guid? addedById, DateTimeOffset addedAt)
    {
        Id = id;
        UserId = userId;
        AddedById = addedById;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }

    public int TicketId { get; private set; }

    public Guid UserId { get; private set; }

    public Guid? AddedById { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public bool IsActive => RemovedAt is null;

    internal void Remove(DateTimeOffset at) => RemovedAt = at;
}

/// <summary>
/// A stored file linked to the ticket (or to one of its follow-ups), referenced by the SHA-256 of its content in
/// the content-addressed store. The bytes live in the store, never in the database.
/// </summary>
public sealed class TicketAttachment
{
    private TicketAttachment()
    {
        Sha256 = string.Empty;
        FileName = string.Empty;
        ContentType = string.Empty;
    }

    internal TicketAttachment(Guid id, Guid? followUpId, string sha256, string fileName, string contentType, long size, Guid? uploadedById, DateTimeOffset createdAt)
    {
        Id = id;
        FollowUpId = followUpId;
        Sha256 = sha256;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        UploadedById = uploadedById;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public int TicketId { get; private set; }

    /// <summary>Null when attached to the ticket itself.</summary>
    public Guid? FollowUpId { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the content: the key in the file store.</summary>
    public string Sha256 { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    public Guid? UploadedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
