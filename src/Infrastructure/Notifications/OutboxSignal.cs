using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>
/// After a commit that queued e-mails, asks for a delivery run now instead of waiting for the recurring one.
/// At most one request is pending per process, so a burst of commits costs one job, not thousands. The
/// recurring job remains the safety net: the signal runs after the commit, so it must never fail the request
/// whose change is already saved — a failure to enqueue is logged and the mail goes out with the next run.
/// </summary>
public sealed partial class OutboxSignal(IServiceProvider services, ILogger<OutboxSignal> logger)
{
    private int _pending;

    public bool Enabled { get; set; } = true;

    public void Signal()
    {
        if (!Enabled || Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }

        // Handed to the thread pool: writing the job to Hangfire's storage (its own database, with its own lock and
        // retries) must not hold the command that committed, nor whoever waits for it.
        _ = Task.Run(Enqueue);
    }

    private void Enqueue()
    {
        try
        {
            services.GetService<IBackgroundJobClient>()?.Enqueue<DeliverOutboxJob>(job => job.RunAsync(CancellationToken.None));
        }
        catch (Exception ex)
        {
            LogSignalFailed(logger, ex);
        }
        finally
        {
            // Let the next commit signal again once this one was handed over; the job drains everything due.
            _ = Task.Delay(TimeSpan.FromSeconds(1)).ContinueWith(_ => Interlocked.Exchange(ref _pending, 0), TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not request an immediate mail delivery; the recurring run will send the mail")]
    private static partial void LogSignalFailed(ILogger logger, Exception exception);
}
