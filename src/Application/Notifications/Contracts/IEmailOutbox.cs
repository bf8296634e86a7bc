namespace MesaServicios.Application.Notifications.Contracts;

/// <summary>An e-mail to send: already rendered in the recipient's language.</summary>
public sealed record EmailMessage(
    string Kind,
    string To,
    string? ToName,
    string Subject,
    string TextBody,
    string? HtmlBody,
    Guid? RecipientUserId = null,
    int? TicketId = null,
    string? AutoSubmitted = "auto-generated");

/// <summary>
/// Queues e-mails in the caller's transaction (the outbox). They are sent after the commit by a background
/// job, with retries; nothing queued is lost, nothing is sent twice.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>Queues the message and returns its Message-ID (without angle brackets).</summary>
    string Enqueue(EmailMessage message);
}
