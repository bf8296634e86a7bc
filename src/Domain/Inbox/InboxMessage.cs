using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Inbox;

/// <summary>What became of an inbound e-mail.</summary>
public enum InboxMessageStatus
{
    /// <summary>Recorded, not yet applied (or a failed attempt that will be retried).</summary>
    Pending = 0,
    /// <summary>Opened a new ticket.</summary>
    TicketCreated = 1,
    /// <summary>Added a follow-up to an existing ticket.</summary>
    FollowUpAdded = 2,
    /// <summary>Auto-reply, bounce, list mail or our own mail: no ticket, no answer.</summary>
    Ignored = 3,
    /// <summary>Held for a technician.</summary>
    Triage = 4,
    /// <summary>A technician turned the held message into a ticket.</summary>
    Converted = 5,
    /// <summary>A technician discarded the held message, with a reason.</summary>
    Discarded = 6,
    /// <summary>Could not be parsed or applied after the allowed attempts; moved to the rejected folder.</summary>
    Failed = 7,
}

/// <summary>
/// One inbound e-mail, recorded before anything else happens to it. (Mailbox, MessageKey) is unique, so a
/// message is applied at most once whatever the number of runs, nodes or crashes.
/// </summary>
public sealed class InboxMessage : Entity
{
    private InboxMessage()
    {
        Mailbox = string.Empty;
        MessageKey = string.Empty;
        FromAddress = string.Empty;
        Subject = string.Empty;
        Raw = [];
    }

    public Guid Id { get; private set; }

    /// <summary>The source it came from (e.g. <c>imap:soporte@host/INBOX</c>, <c>drop</c>).</summary>
    public string Mailbox { get; private set; }

    /// <summary>The Message-ID, or <c>sha256:…</c> of the raw message when it has none.</summary>
    public string MessageKey { get; private set; }

    /// <summary>The Message-ID without angle brackets (null when the message had none).</summary>
    public string? MessageId { get; private set; }

    public string FromAddress { get; private set; }

    public string? FromName { get; private set; }

    public string Subject { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The message exactly as it arrived.</summary>
    public byte[] Raw { get; private set; }

    public InboxMessageStatus Status { get; private set; }

    /// <summary>Why it was ignored or held (a message code such as <c>inbox.reason.no_keyword</c>), or the discard reason.</summary>
    public string? Reason { get; private set; }

    /// <summary>The ticket it created, followed up, or was converted into.</summary>
    public int? TicketId { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>Who converted or discarded it (held messages only).</summary>
    public Guid? ResolvedBy { get; private set; }

    /// <summary>The sender was already told how to write the message.</summary>
    public bool SenderNotified { get; private set; }

    public bool IsFinal => Status != InboxMessageStatus.Pending;

    public static InboxMessage Record(
        string mailbox,
        string messageKey,
        string? messageId,
        string fromAddress,
        string? fromName,
        string subject,
        byte[] raw,
        DateTimeOffset now)
    {
        return new InboxMessage
        {
            Id = Guid.CreateVersion7(now),
            Mailbox = Guard.NotBlank(mailbox, "inbox.mailbox_required"),
            MessageKey = Guard.NotBlank(messageKey, "inbox.key_required"),
            MessageId = messageId,
            FromAddress = Truncate(fromAddress.Trim().ToLowerInvariant(), 320),
            FromName = fromName is null ? null : Truncate(fromName, 200),
            Subject = Truncate(subject, 500),
            Raw = raw,
            ReceivedAt = now,
            Status = InboxMessageStatus.Pending,
        };
    }

    public void CreatedTicket(int ticketId, DateTimeOffset now) => Finish(InboxMessageStatus.TicketCreated, null, ticketId, now);

    public void AddedFollowUp(int ticketId, DateTimeOffset now) => Finish(InboxMessageStatus.FollowUpAdded, null, ticketId, now);

    public void Ignore(string reason, DateTimeOffset now) => Finish(InboxMessageStatus.Ignored, reason, null, now);

    public void Hold(string reason, DateTimeOffset now) => Finish(InboxMessageStatus.Triage, reason, null, now);

    public void MarkSenderNotified() => SenderNotified = true;

    /// <summary>Retention: an applied or ignored message keeps its record (key, sender, subject, outcome), not its raw bytes.</summary>
    public bool PurgeRaw()
    {
        if (Status is InboxMessageStatus.Pending or InboxMessageStatus.Triage || Raw.Length == 0)
        {
            return false;
        }

        Raw = [];
        return true;
    }

    /// <summary>A failed attempt: kept pending for a retry, or failed for good after <paramref name="maxAttempts"/>.</summary>
    public void AttemptFailed(string error, int maxAttempts, DateTimeOffset now)
    {
        EnsurePending();
        Attempts++;
        LastError = Truncate(error, 2000);
        if (Attempts >= maxAttempts)
        {
            Status = InboxMessageStatus.Failed;
            ProcessedAt = now;
        }
    }

    public void ConvertToTicket(int ticketId, Guid technicianId, DateTimeOffset now)
    {
        EnsureHeld();
        Status = InboxMessageStatus.Converted;
        TicketId = ticketId;
        ResolvedBy = technicianId;
        ProcessedAt = now;
    }

    public void Discard(string reason, Guid technicianId, DateTimeOffset now)
    {
        EnsureHeld();
        var why = Guard.NotBlank(reason, "inbox.discard_reason_required");
        Status = InboxMessageStatus.Discarded;
        Reason = Truncate(why, 1000);
        ResolvedBy = technicianId;
        ProcessedAt = now;
    }

    private void Finish(InboxMessageStatus status, string? reason, int? ticketId, DateTimeOffset now)
    {
        EnsurePending();
        Status = status;
        Reason = reason;
        TicketId = ticketId;
        ProcessedAt = now;
    }

    private void EnsurePending()
    {
        if (Status != InboxMessageStatus.Pending)
        {
            throw new DomainException("inbox.already_processed", DomainErrorKind.Conflict);
        }
    }

    private void EnsureHeld()
    {
        if (Status != InboxMessageStatus.Triage)
        {
            throw new DomainException("inbox.not_in_triage", DomainErrorKind.Conflict);
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
