using Hangfire;
using MesaServicios.Infrastructure.Notifications;
using MesaServicios.Infrastructure.Tickets;

namespace MesaServicios.Infrastructure.Common.Jobs;

/// <summary>Every recurring job of the desk, registered (idempotently) at start.</summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<DeliverOutboxJob>(DeliverOutboxJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<AutoCloseSolvedTicketsJob>(AutoCloseSolvedTicketsJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
    }
}
