using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>
/// After a commit that queued e-mails, asks for a delivery run now instead of waiting for the recurring one.
/// At most one request is pending per process, so a burst of commits costs one job, not thousands. The
/// recurring job remains the safety net.
/// </summary>
public sealed class OutboxSignal(IServiceProvider services)
{
    private int _pending;

    public bool Enabled { get; set; } = true;

    public void Signal()
    {
        if (!Enabled || Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }

        var client = services.GetService<IBackgroundJobClient>();
        if (client is null)
        {
            Interlocked.Exchange(ref _pending, 0);
            return;
        }

        try
        {
            client.Enqueue<DeliverOutboxJob>(job => job.RunAsync(CancellationToken.None));
        }
        finally
        {
            // Let the next commit signal again once this one was handed over; the job drains everything due.
            _ = Task.Delay(TimeSpan.FromSeconds(1)).ContinueWith(_ => Interlocked.Exchange(ref _pending, 0), TaskScheduler.Default);
        }
    }
}
