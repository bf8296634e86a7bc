namespace MesaServicios.Domain.Notifications;

/// <summary>An in-app notification: what a person sees in the bell of the portal, already in his language.</summary>
public sealed class Notification
{
    private Notification()
    {
        Kind = string.Empty;
        Title = string.Empty;
        Body = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The kind of event (e.g. "ticket.solved"), as in the notification matrix.</summary>
    public string Kind { get; private set; }

    public int? TicketId { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    /// <summary>Relative link in the portal (e.g. /tickets/123).</summary>
    public string? Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification Create(Guid userId, string kind, int? ticketId, string title, string body, string? link, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        Kind = kind,
        TicketId = ticketId,
        Title = title.Length > 300 ? title[..300] : title,
        Body = body.Length > 2000 ? body[..2000] : body,
        Link = link,
        CreatedAt = now,
    };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

/// <summary>A user's choice for one kind of event: e-mail on or off (in-app notifications always stay).</summary>
public sealed class NotificationPreference
{
    private NotificationPreference()
    {
        Kind = string.Empty;
    }

    public Guid UserId { get; private set; }

    public string Kind { get; private set; }

    public bool EmailEnabled { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static NotificationPreference Create(Guid userId, string kind, bool emailEnabled, DateTimeOffset now) =>
        new() { UserId = userId, Kind = kind, EmailEnabled = emailEnabled, UpdatedAt = now };

    public void Change(bool emailEnabled, DateTimeOffset now)
    {
        EmailEnabled = emailEnabled;
        UpdatedAt = now;
    }
}

public enum ActionLinkKind
{
    ApproveSolution = 0,
    RejectSolution = 1,
}

/// <summary>
/// A signed link in an e-mail that acts for its recipient without signing in (approve or reject a solution).
/// Single use: the first successful use records <see cref="UsedAt"/>; links issued together (approve and reject
/// of one solution) share a <see cref="GroupId"/> and are spent together.
/// </summary>
public sealed class ActionLink
{
    private ActionLink()
    {
        Language = "es";
    }

    public Guid Id { get; private set; }

    public Guid GroupId { get; private set; }

    public ActionLinkKind Kind { get; private set; }

    public int TicketId { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>Language of the recipient, for the confirmation page.</summary>
    public string Language { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>Optimistic concurrency: two simultaneous uses cannot both succeed.</summary>
    public int Version { get; private set; }

    public static ActionLink Create(Guid groupId, ActionLinkKind kind, int ticketId, Guid userId, string language, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        Id = Guid.CreateVersion7(now),
        GroupId = groupId,
        Kind = kind,
        TicketId = ticketId,
        UserId = userId,
        Language = language,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    public bool IsUsed => UsedAt is not null;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public void MarkUsed(DateTimeOffset now)
    {
        UsedAt ??= now;
        Version++;
    }
}
