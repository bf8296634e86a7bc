using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Notifications;

internal sealed class EmailOutbox(INotificationsDbContext db, IOptions<MailOptions> options, TimeProvider clock) : IEmailOutbox
{
    public string Enqueue(EmailMessage message)
    {
        var row = ToRow(message, options.Value.MessageIdDomain, clock.GetUtcNow());
        db.OutboxEmails.Add(row);
        return row.MessageId;
    }

    /// <summary>A fresh Message-ID (without angle brackets) in the desk's domain.</summary>
    public static string NewMessageId(DateTimeOffset now, string messageIdDomain) => $"{Guid.CreateVersion7(now):N}@{messageIdDomain}";

    /// <summary>The outbox row of a message (its Message-ID generated when the message has none).</summary>
    public static OutboxEmail ToRow(EmailMessage message, string messageIdDomain, DateTimeOffset now)
    {
        var messageId = message.MessageId ?? NewMessageId(now, messageIdDomain);
        return OutboxEmail.Create(
            message.Kind,
            message.RecipientUserId,
            message.To,
            message.ToName,
            message.Subject,
            message.TextBody,
            message.HtmlBody,
            messageId,
            now,
            message.AutoSubmitted,
            message.TicketId,
            message.InReplyTo,
            message.References);
    }
}
