using Hangfire;
using MesaServicios.Infrastructure.Common.Jobs;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>Solved tickets past their confirmation window are closed every hour.</summary>
internal sealed class TicketsRecurringJobs : IRecurringJobRegistration
{
    public void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<AutoCloseSolvedTicketsJob>(AutoCloseSolvedTicketsJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
}
