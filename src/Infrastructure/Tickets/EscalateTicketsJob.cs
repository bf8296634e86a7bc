using Hangfire;
using Mediator;
using MesaServicios.Application.Tickets.Escalation;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>
/// Thin Hangfire job (every 5 minutes by default, <c>ServiceLevels:EscalationCron</c>): raises the service-level
/// levels that are due. Safe on several nodes and with overlapping runs: each level is recorded on the ticket in
/// the transaction that announces it, under the ticket's concurrency token, so it is raised once.
/// </summary>
public sealed class EscalateTicketsJob(ISender sender)
{
    public const string RecurringId = "tickets.escalate";

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        EscalationReport report;
        do
        {
            report = await sender.Send(new EscalateTicketsRequest(), cancellationToken);
        }
        while (report.Due >= EscalateTicketsRequest.DefaultBatchSize && report.Raised + report.Skipped > 0 && !cancellationToken.IsCancellationRequested);
    }
}
