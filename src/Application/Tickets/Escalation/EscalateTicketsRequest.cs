using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Application.Tickets.DueDates;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MesaServicios.Application.Tickets.Escalation;

/// <summary>
/// One run of the escalation job, set-based: one indexed range read of <c>NextEscalationAt</c> finds the tickets whose
/// next level is due (however many tickets are open), then their levels are raised <see cref="TicketsPerTransaction"/>
/// tickets at a time, each group in one short transaction (<see cref="EscalateTicketBatchCommand"/>: the tickets and
/// their observers loaded in two queries, the history rows and clocks saved in one batch, the notifications and
/// e-mails of the whole group written in bulk), so ticket creations interleave with a long run. Each level is raised
/// once per ticket: it is recorded on the ticket in the same transaction as its notifications, under the ticket's
/// concurrency token. When another run, node or person changed one of the group's tickets meanwhile, the group's
/// transaction is undone and its tickets are taken one by one (<see cref="EscalateTicketCommand"/>), so the others
/// are still raised and the changed one is raised only if still due. Idempotent: a second run finds nothing due.
/// </summary>
public sealed record EscalateTicketsRequest(int BatchSize = EscalateTicketsRequest.DefaultBatchSize, int TicketsPerTransaction = EscalateTicketsRequest.DefaultTicketsPerTransaction)
    : IRequest<EscalationReport>
{
    public const int DefaultBatchSize = 500;

    /// <summary>Tickets raised in one transaction: bounds how long the single writer is held (creations wait at most that long).</summary>
    public const int DefaultTicketsPerTransaction = 50;
}

/// <summary>How many tickets were due, how many levels were raised, how many tickets were skipped (changed meanwhile).</summary>
public sealed record EscalationReport(int Due, int Raised, int Skipped);

/// <summary>Raises the levels due on one ticket now (the system acts).</summary>
public sealed record EscalateTicketCommand(int TicketId) : ICommand<int>;

/// <summary>
/// Raises the levels due now on a group of tickets, in one transaction. Optimistic: the tickets are read, the levels
/// decided and the notifications prepared before the write turn; only the saving holds the writer, and a ticket
/// changed meanwhile fails the group on its concurrency token (nothing of the group is saved).
/// </summary>
public sealed record EscalateTicketBatchCommand(IReadOnlyList<int> TicketIds) : ICommand<int>, IOptimisticCommand;

internal sealed partial class EscalateTicketsRequestHandler(
    ITicketsDbContext db,
    ISender sender,
    TimeProvider clock,
    ILogger<EscalateTicketsRequestHandler> logger) : IRequestHandler<EscalateTicketsRequest, EscalationReport>
{
    public async ValueTask<EscalationReport> Handle(EscalateTicketsRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Tickets.AsNoTracking()
            .Where(t => t.ServiceLevel.NextEscalationAt != null && t.ServiceLevel.NextEscalationAt <= now)
            .OrderBy(t => t.ServiceLevel.NextEscalationAt)
            .Select(t => t.Id)
            .Take(request.BatchSize)
            .ToListAsync(cancellationToken);
        var raised = 0;
        var skipped = 0;
        foreach (var group in due.Chunk(Math.Max(1, request.TicketsPerTransaction)))
        {
            try
            {
                raised += await sender.Send(new EscalateTicketBatchCommand(group), cancellationToken);
                continue;
            }
            catch (Exception exception) when (exception is ConcurrencyConflictException or DomainException)
            {
                LogGroupConflict(logger, group.Length);
            }

            foreach (var ticketId in group)
            {
                try
                {
                    raised += await sender.Send(new EscalateTicketCommand(ticketId), cancellationToken);
                }
                catch (Exception exception) when (exception is ConcurrencyConflictException or DomainException)
                {
                    skipped++;
                    LogSkipped(logger, ticketId, ErrorClassifier.CodeOf(exception));
                }
            }
        }

        return new EscalationReport(due.Count, raised, skipped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation skipped ticket #{TicketId}: {Code}")]
    private static partial void LogSkipped(ILogger logger, int ticketId, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation: one of {Count} tickets changed meanwhile; raising them one by one")]
    private static partial void LogGroupConflict(ILogger logger, int count);
}

internal sealed class EscalateTicketBatchCommandHandler(ITicketsDbContext db, TimeProvider clock, IServiceLevelCatalog serviceLevels)
    : ICommandHandler<EscalateTicketBatchCommand, int>
{
    public async ValueTask<int> Handle(EscalateTicketBatchCommand command, CancellationToken cancellationToken)
    {
        // The ticket rows alone (the history entries an escalation adds are new rows), and the active observers the
        // notifications read from the tickets: two queries for the whole group.
        var ids = command.TicketIds.ToArray();
        var tickets = await db.Tickets.Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
        await db.TicketObservers.Where(o => ids.Contains(o.TicketId) && o.RemovedAt == null).LoadAsync(cancellationToken);
        var snapshot = await serviceLevels.CurrentAsync(cancellationToken);
        var enabled = snapshot.EnabledLevels();
        var now = clock.GetUtcNow();
        return tickets.Sum(ticket => ticket.Escalate(now, enabled).Count);
    }
}

internal sealed class EscalateTicketCommandHandler(ITicketsDbContext db, TimeProvider clock, IServiceLevelCatalog serviceLevels)
    : ICommandHandler<EscalateTicketCommand, int>
{
    public async ValueTask<int> Handle(EscalateTicketCommand command, CancellationToken cancellationToken)
    {
        // The ticket row alone: the history entries an escalation adds are new rows, and the notifications read the
        // participants from the ticket (observers are loaded for them).
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return 0;
        }

        await db.TicketObservers.Where(o => o.TicketId == command.TicketId && o.RemovedAt == null).LoadAsync(cancellationToken);
        var snapshot = await serviceLevels.CurrentAsync(cancellationToken);
        return ticket.Escalate(clock.GetUtcNow(), snapshot.EnabledLevels()).Count;
    }
}
