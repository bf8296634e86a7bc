using Mediator;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Application.Tickets.DueDates;
using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets.RecomputeDueDates;

/// <summary>
/// An administrator applies the targets in force to every open ticket (after changing them; new tickets use them
/// at once). Tickets are recomputed in batches, each batch in its own transaction; each changed ticket records
/// it in its history. Running it twice changes nothing the second time.
/// </summary>
public sealed record RecomputeDueDatesRequest : IRequest<RecomputeDueDatesReport>;

/// <summary>How many open tickets were looked at and how many got new due dates.</summary>
public sealed record RecomputeDueDatesReport(int Open, int Changed);

/// <summary>One batch: open tickets with an id above <paramref name="AfterId"/>.</summary>
public sealed record RecomputeDueDatesBatchCommand(int AfterId, int BatchSize) : ICommand<RecomputeDueDatesBatch>;

public sealed record RecomputeDueDatesBatch(int LastId, int Seen, int Changed);

internal sealed class RecomputeDueDatesRequestHandler(ISender sender) : IRequestHandler<RecomputeDueDatesRequest, RecomputeDueDatesReport>
{
    private const int BatchSize = 500;

    public async ValueTask<RecomputeDueDatesReport> Handle(RecomputeDueDatesRequest request, CancellationToken cancellationToken)
    {
        var seen = 0;
        var changed = 0;
        var after = 0;
        while (true)
        {
            var batch = await sender.Send(new RecomputeDueDatesBatchCommand(after, BatchSize), cancellationToken);
            seen += batch.Seen;
            changed += batch.Changed;
            if (batch.Seen < BatchSize)
            {
                return new RecomputeDueDatesReport(seen, changed);
            }

            after = batch.LastId;
        }
    }
}

internal sealed class RecomputeDueDatesBatchCommandHandler(ITicketsDbContext db, TimeProvider clock, IServiceLevelCatalog serviceLevels)
    : ICommandHandler<RecomputeDueDatesBatchCommand, RecomputeDueDatesBatch>
{
    public async ValueTask<RecomputeDueDatesBatch> Handle(RecomputeDueDatesBatchCommand command, CancellationToken cancellationToken)
    {
        var tickets = await db.Tickets
            .Where(t => t.Id > command.AfterId && (t.Status == TicketStatus.New || t.Status == TicketStatus.InProgress || t.Status == TicketStatus.Pending))
            .OrderBy(t => t.Id)
            .Take(command.BatchSize)
            .ToListAsync(cancellationToken);
        var snapshot = await serviceLevels.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = tickets.Count(t => t.RecomputeServiceLevel(snapshot.TermsFor(t.Urgency, t.Type), snapshot.Calendar, now));
        return new RecomputeDueDatesBatch(tickets.Count == 0 ? command.AfterId : tickets[^1].Id, tickets.Count, changed);
    }
}
