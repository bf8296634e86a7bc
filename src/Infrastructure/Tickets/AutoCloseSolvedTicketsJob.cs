using Hangfire;
using Mediator;
using MesaServicios.Application.Tickets.AutoClose;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>
/// Thin Hangfire job, hourly: closes tickets left Solved longer than <c>Tickets:AutoCloseAfterDays</c>. Safe on
/// several nodes: each ticket closes through its aggregate with its concurrency token; a conflict skips it.
/// </summary>
public sealed class AutoCloseSolvedTicketsJob(ISender sender)
{
    public const string RecurringId = "tickets.auto-close-solved";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        AutoCloseReport report;
        do
        {
            report = await sender.Send(new CloseSolvedTicketsRequest(), cancellationToken);
        }
        while (report.Closed > 0 && report.Due >= 500 && !cancellationToken.IsCancellationRequested);
    }
}
