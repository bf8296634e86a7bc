namespace MesaServicios.Application.Notifications.Contracts;

/// <summary>
/// An e-mail to send, already rendered in the recipient's language. <paramref name="MessageId"/> (without angle
/// brackets) is generated when omitted; <paramref name="InReplyTo"/> and <paramref name="References"/> thread it.
/// </summary>
public sealed record EmailMessage(
    string Kind,
    string To,
    string? ToName,
    string Subject,
    string TextBody,
    string? HtmlBody,
    Guid? RecipientUserId = null,
    int? TicketId = null,
    string? AutoSubmitted = "auto-generated",
    string? MessageId = null,
    string? InReplyTo = null,
    string? References = null);

/// <summary>
/// Queues e-mails in the caller's transaction (the outbox). They are sent after the commit by a background
/// job, with retries; nothing queued is lost, nothing is sent twice.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>Queues the message and returns its Message-ID (without angle brackets).</summary>
    string Enqueue(EmailMessage message);
}
