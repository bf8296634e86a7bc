namespace MesaServicios.Domain.Tickets;

/// <summary>
/// Everything a new ticket starts from, built by one factory per way of opening it: <see cref="FromPortal"/> (the
/// requester himself), <see cref="OnBehalf"/> (the desk, for someone who called) and <see cref="FromEmail"/>
/// (a mail to the desk). Optional parts (category, observers, referenced ticket) are set with <c>with</c>.
/// <see cref="Ticket.Open"/> checks the rules; the draft only names the values.
/// </summary>
public sealed record TicketDraft
{
    private TicketDraft(TicketActor openedBy, Guid requesterId, RequesterSnapshot requester, string title, string description, TicketType type, Urgency urgency, TicketSource source)
    {
        ArgumentNullException.ThrowIfNull(openedBy);
        ArgumentNullException.ThrowIfNull(requester);
        OpenedBy = openedBy;
        RequesterId = requesterId;
        Requester = requester;
        Title = title;
        Description = description;
        Type = type;
        Urgency = urgency;
        Source = source;
    }

    /// <summary>Who opened it (the requester, or the technician acting for him).</summary>
    public TicketActor OpenedBy { get; }

    public Guid RequesterId { get; }

    /// <summary>The requester's name, department and phone as given when the ticket was opened.</summary>
    public RequesterSnapshot Requester { get; }

    public string Title { get; }

    public string Description { get; }

    public TicketType Type { get; }

    public Urgency Urgency { get; }

    public TicketSource Source { get; }

    public int? CategoryId { get; init; }

    /// <summary>People who follow the ticket from the start (the requester himself is skipped).</summary>
    public IReadOnlyCollection<Guid> ObserverIds { get; init; } = [];

    /// <summary>An earlier ticket this one continues (e.g. a reply to a closed ticket).</summary>
    public int? ReferencesTicketId { get; init; }

    /// <summary>The reserved item the requester holds and the ticket is about (checked by the caller); null otherwise.</summary>
    public TicketEquipment? Equipment { get; init; }

    /// <summary>
    /// What the requester of an e-mail ticket still has to send (<c>name</c>, <c>department</c>, <c>phone</c>,
    /// <c>detail</c>): asked for in the confirmation itself. Empty when nothing is missing.
    /// </summary>
    public IReadOnlyList<string> MissingDetails { get; init; } = [];

    /// <summary>The requester opens a ticket on the portal (source Portal).</summary>
    public static TicketDraft FromPortal(TicketActor requester, RequesterSnapshot snapshot, string title, string description, TicketType type, Urgency urgency)
    {
        ArgumentNullException.ThrowIfNull(requester);
        return new(requester, requester.UserId, snapshot, title, description, type, urgency, TicketSource.Portal);
    }

    /// <summary>The desk opens a ticket for a requester who called (source Phone).</summary>
    public static TicketDraft OnBehalf(TicketActor desk, Guid requesterId, RequesterSnapshot snapshot, string title, string description, TicketType type, Urgency urgency) =>
        new(desk, requesterId, snapshot, title, description, type, urgency, TicketSource.Phone);

    /// <summary>A mail to the desk opens a ticket for its sender (source Email, urgency Medium).</summary>
    public static TicketDraft FromEmail(TicketActor sender, RequesterSnapshot snapshot, string title, string description, TicketType type)
    {
        ArgumentNullException.ThrowIfNull(sender);
        return new(sender, sender.UserId, snapshot, title, description, type, Urgency.Medium, TicketSource.Email);
    }
}
