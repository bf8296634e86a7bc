using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Tickets.AutoClose;

/// <summary>
/// Closes every ticket left Solved for longer than <c>Tickets:AutoCloseAfterDays</c>. Each ticket closes in its
/// own transaction through the aggregate (with its concurrency token): a ticket another node or the requester
/// changed meanwhile is simply skipped. Idempotent: a second run finds nothing due.
/// </summary>
public sealed record CloseSolvedTicketsRequest : IRequest<AutoCloseReport>;

public sealed record AutoCloseReport(int Due, int Closed, int Skipped);

/// <summary>Closes one Solved ticket automatically (the system acts: no actor).</summary>
public sealed record CloseSolvedTicketCommand(int TicketId) : ICommand<bool>;

internal sealed partial class CloseSolvedTicketsRequestHandler(
    ITicketsDbContext db,
    ISender sender,
    TimeProvider clock,
    IOptions<TicketsOptions> options,
    ILogger<CloseSolvedTicketsRequestHandler> logger) : IRequestHandler<CloseSolvedTicketsRequest, AutoCloseReport>
{
    private const int BatchSize = 500;

    public async ValueTask<AutoCloseReport> Handle(CloseSolvedTicketsRequest request, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.AutoCloseAfterDays);
        var due = await db.Tickets.AsNoTracking()
            .Where(t => t.Status == TicketStatus.Solved && t.SolvedAt != null && t.SolvedAt <= cutoff)
            .OrderBy(t => t.SolvedAt)
            .Select(t => t.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var ticketId in due)
        {
            try
            {
                if (await sender.Send(new CloseSolvedTicketCommand(ticketId), cancellationToken))
                {
                    closed++;
                }
            }
            catch (Exception exception) when (exception is ConcurrencyConflictException or DomainException)
            {
                LogSkipped(logger, ticketId, ErrorClassifier.CodeOf(exception));
            }
        }

        return new AutoCloseReport(due.Count, closed, due.Count - closed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Auto-close skipped ticket #{TicketId}: {Code}")]
    private static partial void LogSkipped(ILogger logger, int ticketId, string code);
}

internal sealed class CloseSolvedTicketCommandHandler(ITicketsDbContext db, TimeProvider clock, IOptions<TicketsOptions> options)
    : ICommandHandler<CloseSolvedTicketCommand, bool>
{
    public async ValueTask<bool> Handle(CloseSolvedTicketCommand command, CancellationToken cancellationToken)
    {
        var ticket = await db.LoadForChangeAsync(command.TicketId, null, null, cancellationToken);
        ticket.CloseAutomatically(clock.GetUtcNow(), TimeSpan.FromDays(options.Value.AutoCloseAfterDays));
        return true;
    }
}
