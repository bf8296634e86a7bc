namespace MesaServicios.Domain.Notifications;

public enum OutboxEmailStatus
{
    Pending = 0,
    Sent = 1,
    DeadLettered = 2,
}

/// <summary>
/// An e-mail written in the same transaction as the change that caused it, delivered later by a job.
/// A delivery run claims it first (<see cref="ClaimedUntil"/>), so two runs or two nodes never send it twice.
/// </summary>
public sealed class OutboxEmail
{
    private OutboxEmail()
    {
        To = string.Empty;
        Subject = string.Empty;
        MessageId = string.Empty;
        Kind = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>What the mail is about (e.g. "users.password_reset"); for preferences and reports.</summary>
    public string Kind { get; private set; }

    /// <summary>The one person the mail is for; null for a mail to several people (<see cref="Recipients"/>).</summary>
    public Guid? RecipientUserId { get; private set; }

    /// <summary>The address of the one recipient; for a mail to several people, the first of them.</summary>
    public string To { get; private set; }

    /// <summary>
    /// A mail to several people (a desk alert: one message, every desk member of one language as a recipient): one line
    /// per recipient, <c>user id TAB address TAB name</c>. Null for a mail to one person (<see cref="To"/>).
    /// </summary>
    public string? Recipients { get; private set; }

    public string? ToName { get; private set; }

    public string Subject { get; private set; }

    /// <summary>The stored body (shared by the recipients of one rendered mail); null once retention removed it.</summary>
    public Guid? BodyId { get; private set; }

    public OutboxBody? Body { get; private set; }

    /// <summary>The text this recipient gets (<see cref="Body"/> loaded; empty once retention removed it).</summary>
    public string TextBody => Body?.TextFor(ToName) ?? string.Empty;

    /// <summary>The HTML this recipient gets, if the mail has one.</summary>
    public string? HtmlBody => Body?.HtmlFor(ToName);

    /// <summary>RFC 5322 Message-ID without angle brackets, fixed at creation so a retry sends the same id.</summary>
    public string MessageId { get; private set; }

    public string? InReplyTo { get; private set; }

    public string? References { get; private set; }

    /// <summary>Value of the Auto-Submitted header, if any (e.g. "auto-generated").</summary>
    public string? AutoSubmitted { get; private set; }

    public int? TicketId { get; private set; }

    public OutboxEmailStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? ClaimedUntil { get; private set; }

    public Guid? ClaimToken { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public static OutboxEmail Create(
        string kind,
        Guid? recipientUserId,
        string to,
        string? toName,
        string subject,
        string textBody,
        string? htmlBody,
        string messageId,
        DateTimeOffset now,
        string? autoSubmitted = "auto-generated",
        int? ticketId = null,
        string? inReplyTo = null,
        string? references = null) =>
        Create(kind, recipientUserId, to, toName, subject, OutboxBody.Personal(textBody, htmlBody, now), messageId, now, autoSubmitted, ticketId, inReplyTo, references);

    /// <summary>A mail whose body is stored apart, possibly shared with other recipients of the same rendered mail.</summary>
    public static OutboxEmail Create(
        string kind,
        Guid? recipientUserId,
        string to,
        string? toName,
        string subject,
        OutboxBody body,
        string messageId,
        DateTimeOffset now,
        string? autoSubmitted = "auto-generated",
        int? ticketId = null,
        string? inReplyTo = null,
        string? references = null) => new()
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            RecipientUserId = recipientUserId,
            To = to,
            ToName = toName,
            Subject = subject,
            BodyId = body.Id,
            Body = body,
            MessageId = messageId,
            AutoSubmitted = autoSubmitted,
            TicketId = ticketId,
            InReplyTo = inReplyTo,
            References = references,
            Status = OutboxEmailStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };

    /// <summary>
    /// One message to several people, with a body rendered for all of them (no name in the greeting): delivered once,
    /// with every recipient an addressee of the same message.
    /// </summary>
    public static OutboxEmail CreateForGroup(
        string kind,
        IReadOnlyList<Addressee> recipients,
        string subject,
        OutboxBody body,
        string messageId,
        DateTimeOffset now,
        int? ticketId = null,
        string? inReplyTo = null,
        string? references = null)
    {
        if (recipients.Count == 0)
        {
            throw new ArgumentException("A mail needs at least one recipient.", nameof(recipients));
        }

        var email = Create(kind, null, recipients[0].Address, null, subject, body, messageId, now, ticketId: ticketId, inReplyTo: inReplyTo, references: references);
        email.Recipients = Lines(recipients);
        return email;
    }

    /// <summary>Everyone the mail is for: its recipients, or its one recipient.</summary>
    public IReadOnlyList<Addressee> Addressees()
    {
        if (Recipients is null)
        {
            return [new Addressee(RecipientUserId, To, ToName)];
        }

        return Recipients.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(parts => new Addressee(
                Guid.TryParse(parts[0], out var id) ? id : null,
                parts.Length > 1 ? parts[1] : string.Empty,
                parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null))
            .ToList();
    }

    /// <summary>
    /// For this delivery attempt only (the row is not saved for it): leaves out the recipients at these addresses (a
    /// bounce said they cannot be reached). False when nobody is left.
    /// </summary>
    public bool LeaveOut(IReadOnlySet<string> addresses)
    {
        if (Recipients is null)
        {
            return !addresses.Contains(To);
        }

        var kept = Addressees().Where(a => !addresses.Contains(a.Address)).ToList();
        if (kept.Count == 0)
        {
            return false;
        }

        Recipients = Lines(kept);
        return true;
    }

    /// <summary>The stored form of <see cref="Recipients"/>: one line per recipient, <c>user id TAB address TAB name</c>.</summary>
    private static string Lines(IEnumerable<Addressee> recipients) =>
        string.Join('\n', recipients.Select(r => $"{r.UserId?.ToString() ?? string.Empty}\t{Clean(r.Address)}\t{Clean(r.Name)}"));

    private static string Clean(string? value) => (value ?? string.Empty).Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>Records a failed attempt: retried with exponential backoff, dead-lettered after <paramref name="maxAttempts"/>.</summary>
    public void MarkFailed(string error, bool permanent, int maxAttempts, TimeSpan baseDelay, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        ClaimedUntil = null;
        ClaimToken = null;
        if (permanent || Attempts >= maxAttempts)
        {
            Status = OutboxEmailStatus.DeadLettered;
            return;
        }

        var delay = TimeSpan.FromTicks(baseDelay.Ticks * (1L << Math.Min(Attempts - 1, 16)));
        NextAttemptAt = now + delay;
    }

    public void Requeue(DateTimeOffset now)
    {
        Status = OutboxEmailStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        ClaimedUntil = null;
        ClaimToken = null;
    }
}

/// <summary>One recipient of an outbox e-mail: who (when a user of the desk), at which address, under which name.</summary>
public sealed record Addressee(Guid? UserId, string Address, string? Name);
