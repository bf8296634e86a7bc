using Mediator;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.Contracts;

/// <summary>What the requester decided about a solution, from the signed link of a mail.</summary>
public enum SolutionDecision
{
    Approve,
    Reject,
}

/// <summary>
/// The requester approves or rejects a solution through a signed e-mail link (Notifications verified the link and
/// acts for him). Same rules as the API: only the requester, only on a Solved ticket; a rejection needs
/// <paramref name="Text"/> as its reason, an approval takes it as an optional comment.
/// Handled by the Tickets slice <c>DecideSolutionFromLink</c>.
/// </summary>
public sealed record DecideSolutionFromLinkCommand(int TicketId, Guid RequesterId, SolutionDecision Decision, string? Text) : ICommand;

/// <summary>A file that arrived by e-mail, to attach to a ticket or follow-up (same limits and checks as uploads).</summary>
public sealed record IncomingAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>What happened to each incoming attachment: stored, or refused and why (listed in the ticket, never silently dropped).</summary>
public sealed record AttachmentOutcome(string FileName, bool Stored, string? RefusedCode);

/// <summary>
/// Opens a ticket from an e-mail (source Email, urgency Medium). The requester snapshot (name, department, phone)
/// comes from the message where given, else from the profile. <paramref name="MissingDetails"/> lists what neither
/// holds (<c>name</c>, <c>department</c>, <c>phone</c>, <c>detail</c>): the ticket is marked incomplete and the
/// requester's confirmation asks for them. Handled by the Tickets slice <c>OpenTicketFromEmail</c>.
/// </summary>
public sealed record OpenTicketFromEmailCommand(
    Guid RequesterId,
    string Title,
    string Description,
    TicketType Type,
    string? RequesterName,
    string? Department,
    string? Phone,
    bool Incomplete,
    int? ReferencesTicketId,
    IReadOnlyList<IncomingAttachment> Attachments,
    IReadOnlyList<string>? MissingDetails = null) : ICommand<EmailTicketResult>;

public sealed record EmailTicketResult(int TicketId, IReadOnlyList<AttachmentOutcome> Attachments);

/// <summary>
/// A reply by e-mail becomes a public follow-up by <paramref name="AuthorId"/> (requester, observer or
/// technician; anyone else → forbidden). On a Solved ticket it is a follow-up, never a rejection. On a Closed
/// ticket it fails with <c>tickets.closed</c>: the caller opens a new ticket that references the old one.
/// On an incomplete ticket, the requester's <paramref name="RequesterName"/>, <paramref name="Department"/> and
/// <paramref name="Phone"/> (read from his answer; null when not given) update the ticket's requester snapshot.
/// Handled by the Tickets slice <c>AddFollowUpFromEmail</c>.
/// </summary>
public sealed record AddFollowUpFromEmailCommand(
    int TicketId,
    Guid AuthorId,
    string Content,
    IReadOnlyList<IncomingAttachment> Attachments,
    string? RequesterName = null,
    string? Department = null,
    string? Phone = null) : ICommand<EmailTicketResult>;
