using Hangfire;
using Mediator;
using MesaServicios.Application.Notifications.DeliverOutbox;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>
/// Thin Hangfire job: delivers the due outbox e-mails until none is left, and once more if a commit queued mail
/// meanwhile (<see cref="OutboxSignal"/>: no new job is queued while this one runs). Safe to run on several nodes at
/// once (claims). While interactive commands keep the writer busy, batches are small and spaced (<see cref="DeliveryPacing"/>).
/// </summary>
public sealed class DeliverOutboxJob(ISender sender, OutboxSignal signal, DeliveryPacing pacing)
{
    public const string RecurringId = "notifications.deliver-outbox";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        signal.RunStarted();
        try
        {
            do
            {
                DeliveryReport report;
                do
                {
                    var (batchSize, pause) = pacing.Next();
                    await pacing.PauseAsync(pause, cancellationToken);
                    report = await sender.Send(new DeliverOutboxRequest(batchSize), cancellationToken);
                }
                while (report.Claimed > 0 && !cancellationToken.IsCancellationRequested);
            }
            while (signal.TakeSignal() && !cancellationToken.IsCancellationRequested);
        }
        finally
        {
            signal.RunEnded();
        }
    }
}
