using Hangfire;
using Mediator;
using MesaServicios.Application.Notifications.DeliverOutbox;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>Thin Hangfire job: delivers the due outbox e-mails. Safe to run on several nodes at once (claims).</summary>
public sealed class DeliverOutboxJob(ISender sender)
{
    public const string RecurringId = "notifications.deliver-outbox";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        DeliveryReport report;
        do
        {
            report = await sender.Send(new DeliverOutboxRequest(), cancellationToken);
        }
        while (report.Claimed > 0 && !cancellationToken.IsCancellationRequested);
    }
}
