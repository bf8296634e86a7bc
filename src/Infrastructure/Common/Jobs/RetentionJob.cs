using Hangfire;
using Mediator;
using MesaServicios.Application.Common.Retention;

namespace MesaServicios.Infrastructure.Common.Jobs;

/// <summary>
/// Thin Hangfire job (daily at 03:00 UTC): publishes <see cref="RetentionDue"/>; each module purges its own old data.
/// Idempotent; two runs at once only repeat work. Hangfire's own history expires by itself (succeeded and deleted
/// jobs after one day).
/// </summary>
public sealed class RetentionJob(IPublisher publisher)
{
    public const string RecurringId = "common.retention";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 1)]
    public async Task RunAsync(CancellationToken cancellationToken) =>
        await publisher.Publish(new RetentionDue(), cancellationToken);
}

/// <summary>Retention runs every day at 03:00 UTC; each module purges its own data when told.</summary>
internal sealed class RetentionRecurringJobs : IRecurringJobRegistration
{
    public void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<RetentionJob>(RetentionJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Daily(3));
}
