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
/// One run of the escalation job: finds the tickets whose next level is due (an indexed range read of
/// <c>NextEscalationAt</c>, however many tickets are open) and raises their levels, each ticket in its own
/// transaction through the aggregate. Each level is raised once per ticket: the level is recorded on the ticket
/// in the same transaction as its notifications, and the ticket's concurrency token makes a second run (or a
/// second node) that read the ticket before skip it. Idempotent: a second run finds nothing due.
/// </summary>
public sealed record EscalateTicketsRequest(int BatchSize = EscalateTicketsRequest.DefaultBatchSize) : IRequest<EscalationReport>
{
    public const int DefaultBatchSize = 500;
}

/// <summary>How many tickets were due, how many levels were raised, how many tickets were skipped (changed meanwhile).</summary>
public sealed record EscalationReport(int Due, int Raised, int Skipped);

/// <summary>Raises the levels due on one ticket now (the system acts).</summary>
public sealed record EscalateTicketCommand(int TicketId) : ICommand<int>;

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
        foreach (var ticketId in due)
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

        return new EscalationReport(due.Count, raised, skipped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation skipped ticket #{TicketId}: {Code}")]
    private static partial void LogSkipped(ILogger logger, int ticketId, string code);
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
