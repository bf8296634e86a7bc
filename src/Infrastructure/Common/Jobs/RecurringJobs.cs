using Hangfire;
using MesaServicios.Application.Inbox;
using MesaServicios.Infrastructure.Inbox;
using MesaServicios.Infrastructure.Notifications;
using MesaServicios.Infrastructure.Tickets;

namespace MesaServicios.Infrastructure.Common.Jobs;

/// <summary>Every recurring job of the desk, registered (idempotently) at start.</summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs, InboxOptions? inbox = null)
    {
        jobs.AddOrUpdate<DeliverOutboxJob>(DeliverOutboxJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        if (inbox is null || inbox.Enabled)
        {
            jobs.AddOrUpdate<IngestMailJob>(IngestMailJob.RecurringId, job => job.RunAsync(CancellationToken.None), inbox?.PollCron ?? Cron.Minutely());
        }
        else
        {
            jobs.RemoveIfExists(IngestMailJob.RecurringId);
        }
        jobs.AddOrUpdate<RetentionJob>(RetentionJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Daily(3));
        jobs.AddOrUpdate<AutoCloseSolvedTicketsJob>(AutoCloseSolvedTicketsJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
    }
}
