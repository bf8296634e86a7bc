using Mediator;
using MesaServicios.Application.Common.Retention;
using MesaServicios.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Audit.Retention;

/// <summary>
/// Deletes audit entries older than Retention:AuditDays (one batch). The purge is itself recorded
/// (<see cref="AuditPurge"/>): the database refuses to delete any entry newer than the latest recorded purge.
/// </summary>
public sealed record PurgeAuditCommand(int BatchSize) : ICommand<int>;

internal sealed class PurgeAuditCommandHandler(IAuditDbContext db, IOptions<RetentionOptions> options, TimeProvider clock)
    : ICommandHandler<PurgeAuditCommand, int>
{
    public async ValueTask<int> Handle(PurgeAuditCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - TimeSpan.FromDays(options.Value.AuditDays);
        var due = await db.AuditEntries.Where(e => e.OccurredAt < cutoff).OrderBy(e => e.OccurredAt).Take(command.BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        db.AuditPurges.Add(AuditPurge.Record(cutoff, now));
        await db.SaveChangesAsync(cancellationToken);
        db.AuditEntries.RemoveRange(due);
        return due.Count;
    }
}

internal sealed class AuditRetention(ISender sender, IOptions<RetentionOptions> options) : INotificationHandler<RetentionDue>
{
    public async ValueTask Handle(RetentionDue notification, CancellationToken cancellationToken)
    {
        var batch = Math.Max(1, options.Value.BatchSize);
        while (await sender.Send(new PurgeAuditCommand(batch), cancellationToken) == batch)
        {
        }
    }
}
