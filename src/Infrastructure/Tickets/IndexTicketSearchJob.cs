using Hangfire;
using Mediator;
using MesaServicios.Application.Tickets.SearchTickets;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>Thin Hangfire job, every minute: moves the tickets' full-text index forward (batches until caught up).</summary>
public sealed class IndexTicketSearchJob(ISender sender)
{
    public const string RecurringId = "tickets.search-index";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await sender.Send(new IndexNewTicketsCommand(), cancellationToken) >= IndexNewTicketsCommand.DefaultBatch
               && !cancellationToken.IsCancellationRequested)
        {
        }
    }
}
