using Hangfire;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Users.ForgotPassword;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure.Common.Jobs;
using MesaServicios.Infrastructure.Common.Persistence.WriteEngine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MesaServicios.Infrastructure.Users;

/// <summary>
/// Thin Hangfire job: turns the pending "forgot my password" requests into reset mails (after the answer). Asked for
/// right after a request's commit (<see cref="PasswordResetSignal"/>) and run every minute as a safety net. Safe on
/// several nodes and with overlapping runs: each request is deleted in the transaction that queues its mail.
/// </summary>
public sealed class IssuePasswordResetsJob(ISender sender)
{
    public const string RecurringId = "users.password-resets";

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await sender.Send(new IssuePasswordResetsRequest(), cancellationToken) >= IssuePasswordResetsRequest.DefaultBatchSize
            && !cancellationToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>The pending password-reset requests are taken every minute (the immediate run after a request is asked for by the signal).</summary>
internal sealed class UsersRecurringJobs : IRecurringJobRegistration
{
    public void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<IssuePasswordResetsJob>(IssuePasswordResetsJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
}

/// <summary>
/// After a commit that recorded a password-reset request, asks for a run of <see cref="IssuePasswordResetsJob"/> now.
/// At most one request is pending per process (a burst costs one job, which drains them all); it runs after the commit
/// on the thread pool, so it neither holds nor fails the request's answer — the recurring run is the safety net.
/// Every request (known address or not) causes the same signal.
/// </summary>
public sealed partial class PasswordResetSignal(IServiceProvider services, ILogger<PasswordResetSignal> logger)
{
    private int _pending;

    public void Signal()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }

        _ = Task.Run(Enqueue);
    }

    private void Enqueue()
    {
        try
        {
            services.GetService<IBackgroundJobClient>()?.Enqueue<IssuePasswordResetsJob>(job => job.RunAsync(CancellationToken.None));
        }
        catch (Exception ex)
        {
            LogSignalFailed(logger, ex);
        }
        finally
        {
            _ = Task.Delay(TimeSpan.FromSeconds(1)).ContinueWith(_ => Interlocked.Exchange(ref _pending, 0), TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not request an immediate password-reset run; the recurring run will send the mail")]
    private static partial void LogSignalFailed(ILogger logger, Exception exception);
}

/// <summary>A command that recorded a password-reset request asks, once committed, for the run that mails it.</summary>
internal sealed class PasswordResetCommitObserver(PasswordResetSignal signal) : ICommitObserver
{
    public bool IsInterestedIn(ChangeTracker changes, IBulkInsert bulk) =>
        changes.Entries<PasswordResetRequest>().Any(e => e.State == EntityState.Added);

    public void Committed() => signal.Signal();
}
