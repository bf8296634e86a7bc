using Mediator;

namespace MesaServicios.Application.Tickets.Contracts;

/// <summary>
/// The requester approves the solution through a signed e-mail link (Notifications verified the link and acts
/// for him). Same rules as the API: only the requester, only on a Solved ticket.
/// </summary>
public sealed record ApproveTicketOnBehalfCommand(int TicketId, Guid RequesterId, string? Comment) : ICommand;

/// <summary>The requester rejects the solution through a signed e-mail link; a reason is required.</summary>
public sealed record RejectTicketOnBehalfCommand(int TicketId, Guid RequesterId, string Reason) : ICommand;

/// <summary>A file that arrived by e-mail, to attach to a ticket or follow-up (same limits and checks as uploads).</summary>
public sealed record IncomingAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>What happened to each incoming attachment: stored, or refused and why (listed in the ticket, never silently dropped).</summary>
public sealed record AttachmentOutcome(string FileName, bool Stored, string? RefusedCode);

/// <summary>
/// Opens a ticket from an e-mail (source Email, urgency Medium unless said otherwise). The requester snapshot
/// (name, department, phone) comes from the message where given, else from the profile.
/// </summary>
public sealed record CreateTicketFromEmailCommand(
    Guid RequesterId,
    string Title,
    string Description,
    string Type,
    string? RequesterName,
    string? Department,
    string? Phone,
    bool Incomplete,
    int? ReferencesTicketId,
    IReadOnlyList<IncomingAttachment> Attachments) : ICommand<EmailTicketResult>;

public sealed record EmailTicketResult(int TicketId, IReadOnlyList<AttachmentOutcome> Attachments);

/// <summary>
/// A reply by e-mail becomes a public follow-up by <paramref name="AuthorId"/> (requester, observer or
/// technician; anyone else → forbidden). On a Solved ticket it is a follow-up, never a rejection. On a Closed
/// ticket it fails with <c>tickets.closed</c>: the caller opens a new ticket that references the old one.
/// </summary>
public sealed record AddEmailFollowUpCommand(
    int TicketId,
    Guid AuthorId,
    string Content,
    IReadOnlyList<IncomingAttachment> Attachments) : ICommand<EmailTicketResult>;
