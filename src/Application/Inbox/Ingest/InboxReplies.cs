using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Domain.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Inbox.Ingest;

/// <summary>Automatic answers to senders: once per message, capped per address and period, never to an undeliverable address.</summary>
public interface IInboxReplies
{
    Task<bool> TrySendAsync(InboxMessage record, string kind, Guid? recipientUserId, string subject, string body, int? ticketId, CancellationToken cancellationToken);
}

internal sealed class InboxReplies(IInboxDbContext db, IEmailOutbox outbox, IOptions<InboxOptions> options, TimeProvider clock) : IInboxReplies
{
    public async Task<bool> TrySendAsync(InboxMessage record, string kind, Guid? recipientUserId, string subject, string body, int? ticketId, CancellationToken cancellationToken)
    {
        if (record.SenderNotified || record.FromAddress.Length == 0)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var since = now.AddHours(-options.Value.AutoReplyWindowHours);
        var address = record.FromAddress;
        var sent = await db.InboxAutoReplies.CountAsync(r => r.Email == address && r.SentAt >= since, cancellationToken)
            + db.InboxAutoReplies.Local.Count(r => r.Email == address && r.SentAt >= since && db.InboxAutoReplies.Entry(r).State == EntityState.Added);
        if (sent >= options.Value.AutoReplyLimit
            || await db.UndeliverableAddresses.AnyAsync(u => u.Email == address, cancellationToken))
        {
            return false;
        }

        outbox.Enqueue(new EmailMessage(kind, address, record.FromName, subject, body, null, recipientUserId, ticketId, AutoSubmitted: "auto-replied"));
        db.InboxAutoReplies.Add(InboxAutoReply.Create(address, kind, record.Id, now));
        record.MarkSenderNotified();
        return true;
    }
}
