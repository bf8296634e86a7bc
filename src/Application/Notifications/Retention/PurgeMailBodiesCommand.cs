using Mediator;
using MesaServicios.Application.Common.Retention;
using MesaServicios.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Notifications.Retention;

/// <summary>
/// Removes the bodies whose every e-mail was delivered more than Retention:MailBodyDays ago (one batch of bodies; a
/// shared body goes only when the last of its recipients' mails is old enough); returns how many. The rows keep their
/// metadata (who, what kind, when, Message-ID).
/// </summary>
public sealed record PurgeMailBodiesCommand(int BatchSize) : ICommand<int>;

internal sealed class PurgeMailBodiesCommandHandler(INotificationsDbContext db, IOptions<RetentionOptions> options, TimeProvider clock)
    : ICommandHandler<PurgeMailBodiesCommand, int>
{
    public async ValueTask<int> Handle(PurgeMailBodiesCommand command, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.MailBodyDays);
        // A body is due when some row points at it and none is unsent or recent.
        var due = await db.OutboxEmails
            .Where(m => m.BodyId != null && m.Status == OutboxEmailStatus.Sent && m.SentAt != null && m.SentAt < cutoff)
            .Select(m => m.BodyId!.Value)
            .Where(id => !db.OutboxEmails.Any(o => o.BodyId == id && (o.Status != OutboxEmailStatus.Sent || o.SentAt == null || o.SentAt >= cutoff)))
            .Distinct()
            .Take(command.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        await db.OutboxEmails.Where(m => m.BodyId != null && due.Contains(m.BodyId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.BodyId, (Guid?)null), cancellationToken);
        await db.OutboxBodies.Where(b => due.Contains(b.Id)).ExecuteDeleteAsync(cancellationToken);
        return due.Count;
    }
}

internal sealed class MailBodiesRetention(ISender sender, IOptions<RetentionOptions> options) : INotificationHandler<RetentionDue>
{
    public async ValueTask Handle(RetentionDue notification, CancellationToken cancellationToken)
    {
        var batch = Math.Max(1, options.Value.BatchSize);
        while (await sender.Send(new PurgeMailBodiesCommand(batch), cancellationToken) == batch)
        {
        }
    }
}
