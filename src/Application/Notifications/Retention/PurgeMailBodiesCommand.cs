using Mediator;
using MesaServicios.Application.Common.Retention;
using MesaServicios.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Notifications.Retention;

/// <summary>Empties the bodies of e-mails delivered more than Retention:MailBodyDays ago (one batch); returns how many.</summary>
public sealed record PurgeMailBodiesCommand(int BatchSize) : ICommand<int>;

internal sealed class PurgeMailBodiesCommandHandler(INotificationsDbContext db, IOptions<RetentionOptions> options, TimeProvider clock)
    : ICommandHandler<PurgeMailBodiesCommand, int>
{
    public async ValueTask<int> Handle(PurgeMailBodiesCommand command, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.MailBodyDays);
        var due = await db.OutboxEmails
            .Where(m => m.Status == OutboxEmailStatus.Sent && m.SentAt != null && m.SentAt < cutoff && (m.TextBody != string.Empty || m.HtmlBody != null))
            .OrderBy(m => m.SentAt)
            .Take(command.BatchSize)
            .ToListAsync(cancellationToken);
        return due.Count(m => m.PurgeBody());
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
