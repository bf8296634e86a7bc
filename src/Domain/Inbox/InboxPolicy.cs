namespace MesaServicios.Domain.Inbox;

/// <summary>Why a message is held for a technician (message codes shown in the triage list).</summary>
public static class InboxHoldReasons
{
    public const string EmptySender = "inbox.reason.empty_sender";
    public const string NoKeyword = "inbox.reason.no_keyword";
    public const string ReplyUnknownSender = "inbox.reason.reply_unknown_sender";
    public const string ReplyNotParticipant = "inbox.reason.reply_not_participant";
    public const string InactiveSender = "inbox.reason.inactive_sender";
    public const string SenderNotAllowed = "inbox.reason.sender_not_allowed";
}

/// <summary>The automatic answer a decision asks for (sent at most once per message, capped per address).</summary>
public enum InboxAnswer
{
    None,

    /// <summary>How to write a request (the subject lacked the keyword).</summary>
    HowToWrite,

    /// <summary>Which fields the new ticket still lacks.</summary>
    MissingFields,
}

/// <summary>The sender as the desk knows him (null in <see cref="InboxFacts.Sender"/> when he has no account).</summary>
public sealed record InboxSender(Guid UserId, bool IsActive, bool IsDesk);

/// <summary>The ticket a message answers (found by its thread headers or by the <c>[#N]</c> tag of its subject).</summary>
public sealed record InboxThreadTicket(int TicketId, bool IsClosed, Guid RequesterId, IReadOnlyCollection<Guid> ObserverIds);

/// <summary>
/// What the policy needs to know of one message and its context: the message itself (sender address, noise
/// reason from its headers, keyword in its subject, missing request fields) and what the desk knows (the
/// sender's account, the ticket it answers, whether the address is institutional).
/// </summary>
public sealed record InboxFacts(
    string FromAddress,
    string? NoiseReason,
    bool SubjectHasKeyword,
    bool HasMissingFields,
    bool IsInstitutional,
    InboxSender? Sender,
    InboxThreadTicket? ThreadTicket);

/// <summary>What to do with an inbound message.</summary>
public abstract record InboxDecision;

/// <summary>No ticket and no answer (auto-replies, bounces, lists, our own mail): the reason is kept.</summary>
public sealed record IgnoreMessage(string Reason) : InboxDecision;

/// <summary>Held for a technician (triage), with the reason and possibly an answer telling how to write.</summary>
public sealed record HoldForTriage(string Reason, InboxAnswer Answer) : InboxDecision;

/// <summary>A reply on an open ticket: a public follow-up by its author.</summary>
public sealed record FollowUpOnTicket(int TicketId, Guid AuthorId) : InboxDecision;

/// <summary>A reply on a closed ticket: a new request that references the closed one (a closed ticket is final).</summary>
public sealed record ReplyOnClosedTicket(int ClosedTicketId, Guid AuthorId) : InboxDecision;

/// <summary>
/// A new request. <paramref name="RequesterId"/> is null when the sender has no account yet and one must be
/// created (institutional addresses only); <paramref name="Answer"/> says whether to ask for missing fields.
/// </summary>
public sealed record NewRequest(Guid? RequesterId, InboxAnswer Answer) : InboxDecision;

/// <summary>
/// The Inbox's decision, pure: facts in, a decision out. Noise is ignored; a reply from a participant of the
/// ticket it answers becomes a follow-up (or a new ticket when that one is closed); a subject with the keyword
/// from a known active user or an institutional address becomes a request; everything else waits for a
/// technician, and only people of the institution are told how to write (no backscatter to outsiders).
/// </summary>
public static class InboxPolicy
{
    public static InboxDecision Decide(InboxFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.NoiseReason is { } noise)
        {
            return new IgnoreMessage(noise);
        }

        if (facts.FromAddress.Length == 0)
        {
            return new HoldForTriage(InboxHoldReasons.EmptySender, InboxAnswer.None);
        }

        if (facts.ThreadTicket is { } ticket)
        {
            if (facts.Sender is not { IsActive: true } author)
            {
                return new HoldForTriage(InboxHoldReasons.ReplyUnknownSender, InboxAnswer.None);
            }

            var participant = author.UserId == ticket.RequesterId || ticket.ObserverIds.Contains(author.UserId) || author.IsDesk;
            if (!participant)
            {
                return new HoldForTriage(InboxHoldReasons.ReplyNotParticipant, InboxAnswer.None);
            }

            return ticket.IsClosed
                ? new ReplyOnClosedTicket(ticket.TicketId, author.UserId)
                : new FollowUpOnTicket(ticket.TicketId, author.UserId);
        }

        if (facts.SubjectHasKeyword)
        {
            var answer = facts.HasMissingFields ? InboxAnswer.MissingFields : InboxAnswer.None;
            if (facts.Sender is { } sender)
            {
                return sender.IsActive
                    ? new NewRequest(sender.UserId, answer)
                    : new HoldForTriage(InboxHoldReasons.InactiveSender, InboxAnswer.None);
            }

            return facts.IsInstitutional
                ? new NewRequest(null, answer)
                : new HoldForTriage(InboxHoldReasons.SenderNotAllowed, InboxAnswer.None);
        }

        var institutional = facts.Sender is { IsActive: true } || facts.IsInstitutional;
        return new HoldForTriage(InboxHoldReasons.NoKeyword, institutional ? InboxAnswer.HowToWrite : InboxAnswer.None);
    }
}
