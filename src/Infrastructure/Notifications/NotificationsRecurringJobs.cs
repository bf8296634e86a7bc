using Hangfire;
using MesaServicios.Infrastructure.Common.Jobs;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>The outbox is drained every minute (a commit that queues mail also asks for a run at once).</summary>
internal sealed class NotificationsRecurringJobs : IRecurringJobRegistration
{
    public void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<DeliverOutboxJob>(DeliverOutboxJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
}
