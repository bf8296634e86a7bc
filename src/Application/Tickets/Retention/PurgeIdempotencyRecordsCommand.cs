using Mediator;
using MesaServicios.Application.Common.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Tickets.Retention;

/// <summary>Deletes Idempotency-Key records older than Tickets:IdempotencyRetentionHours (one batch).</summary>
public sealed record PurgeIdempotencyRecordsCommand(int BatchSize) : ICommand<int>;

internal sealed class PurgeIdempotencyRecordsCommandHandler(ITicketsDbContext db, IOptions<TicketsOptions> options, TimeProvider clock)
    : ICommandHandler<PurgeIdempotencyRecordsCommand, int>
{
    public async ValueTask<int> Handle(PurgeIdempotencyRecordsCommand command, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromHours(options.Value.IdempotencyRetentionHours);
        var due = await db.TicketIdempotencyRecords.Where(r => r.CreatedAt < cutoff).OrderBy(r => r.CreatedAt).Take(command.BatchSize).ToListAsync(cancellationToken);
        db.TicketIdempotencyRecords.RemoveRange(due);
        return due.Count;
    }
}

internal sealed class IdempotencyRetention(ISender sender, IOptions<RetentionOptions> options) : INotificationHandler<RetentionDue>
{
    public async ValueTask Handle(RetentionDue notification, CancellationToken cancellationToken)
    {
        var batch = Math.Max(1, options.Value.BatchSize);
        while (await sender.Send(new PurgeIdempotencyRecordsCommand(batch), cancellationToken) == batch)
        {
        }
    }
}
