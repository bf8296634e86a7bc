using Mediator;
using MesaServicios.Application.Common.Retention;
using MesaServicios.Domain.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Inbox.Retention;

/// <summary>Drops the raw bytes of inbound messages processed more than Retention:InboundMailDays ago (one batch).</summary>
public sealed record PurgeInboundRawCommand(int BatchSize) : ICommand<int>;

internal sealed class PurgeInboundRawCommandHandler(IInboxDbContext db, IOptions<RetentionOptions> options, TimeProvider clock)
    : ICommandHandler<PurgeInboundRawCommand, int>
{
    public async ValueTask<int> Handle(PurgeInboundRawCommand command, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.InboundMailDays);
        var empty = Array.Empty<byte>();
        var due = await db.InboxMessages
            .Where(m => m.Status != InboxMessageStatus.Pending && m.Status != InboxMessageStatus.Triage
                && m.ProcessedAt != null && m.ProcessedAt < cutoff && m.Raw != empty)
            .OrderBy(m => m.ProcessedAt)
            .Take(command.BatchSize)
            .ToListAsync(cancellationToken);
        return due.Count(m => m.PurgeRaw());
    }
}

internal sealed class InboundRawRetention(ISender sender, IOptions<RetentionOptions> options) : INotificationHandler<RetentionDue>
{
    public async ValueTask Handle(RetentionDue notification, CancellationToken cancellationToken)
    {
        var batch = Math.Max(1, options.Value.BatchSize);
        while (await sender.Send(new PurgeInboundRawCommand(batch), cancellationToken) == batch)
        {
        }
    }
}
