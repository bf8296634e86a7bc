using Mediator;
using MesaServicios.Application.Common.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Notifications.Retention;

/// <summary>
/// Removes one batch of the desk alerts raised more than Retention:DeskAlertDays ago, oldest first, with their read
/// marks; returns how many alerts. A desk member's "read everything up to" mark stays (one small row per person).
/// </summary>
public sealed record PurgeDeskAlertsCommand(int BatchSize) : ICommand<int>;

internal sealed class PurgeDeskAlertsCommandHandler(INotificationsDbContext db, IOptions<RetentionOptions> options, TimeProvider clock)
    : ICommandHandler<PurgeDeskAlertsCommand, int>
{
    public async ValueTask<int> Handle(PurgeDeskAlertsCommand command, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.DeskAlertDays);
        var due = await db.DeskAlerts
            .Where(a => a.CreatedAt < cutoff)
            .OrderBy(a => a.Id)
            .Select(a => a.Id)
            .Take(command.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        await db.DeskAlertReads.Where(r => due.Contains(r.AlertId)).ExecuteDeleteAsync(cancellationToken);
        await db.DeskAlerts.Where(a => due.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        return due.Count;
    }
}

internal sealed class DeskAlertsRetention(ISender sender, IOptions<RetentionOptions> options) : INotificationHandler<RetentionDue>
{
    public async ValueTask Handle(RetentionDue notification, CancellationToken cancellationToken)
    {
        var batch = Math.Max(1, options.Value.BatchSize);
        while (await sender.Send(new PurgeDeskAlertsCommand(batch), cancellationToken) == batch)
        {
        }
    }
}
