using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Notifications;

internal sealed class EmailOutbox(INotificationsDbContext db, IOptions<MailOptions> options, TimeProvider clock) : IEmailOutbox
{
    public string Enqueue(EmailMessage message)
    {
        var now = clock.GetUtcNow();
        var messageId = message.MessageId ?? $"{Guid.CreateVersion7(now):N}@{options.Value.MessageIdDomain}";
        db.OutboxEmails.Add(OutboxEmail.Create(
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
            message.References));
        return messageId;
    }
}
