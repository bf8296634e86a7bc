using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>
/// After a commit that queued e-mails, asks for a delivery run now instead of waiting for the recurring one.
/// Coalesced: while a run of this process is delivering, a commit only tells it to look once more before it stops
/// (no job is written); otherwise at most one request is pending per process, so a burst of commits costs one job,
/// not thousands, and no queued job waits on the running one's lock. The recurring job remains the safety net: the
/// signal runs after the commit, so it must never fail the request whose change is already saved — a failure to
/// enqueue is logged and the mail goes out with the next run.
/// </summary>
public sealed partial class OutboxSignal(IServiceProvider services, ILogger<OutboxSignal> logger)
{
    private int _pending;
    private int _running;
    private int _signalled;

    public bool Enabled { get; set; } = true;

    public void Signal()
    {
        if (!Enabled)
        {
            return;
        }

        Interlocked.Exchange(ref _signalled, 1);
        if (Volatile.Read(ref _running) > 0 || Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }

        // Handed to the thread pool: writing the job to Hangfire's storage (its own database, with its own lock and
        // retries) must not hold the command that committed, nor whoever waits for it.
        _ = Task.Run(Enqueue);
    }

    /// <summary>A delivery run of this process starts: commits from now on only ask it to look again (<see cref="TakeSignal"/>).</summary>
    public void RunStarted()
    {
        Interlocked.Increment(ref _running);
        Interlocked.Exchange(ref _signalled, 0);
    }

    /// <summary>Whether a commit queued mail since the last call (the run then drains once more before it stops).</summary>
    public bool TakeSignal() => Interlocked.Exchange(ref _signalled, 0) == 1;

    /// <summary>The run stops; a commit that came after its last look asks for a new run.</summary>
    public void RunEnded()
    {
        Interlocked.Decrement(ref _running);
        if (Volatile.Read(ref _signalled) == 1)
        {
            Signal();
        }
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
