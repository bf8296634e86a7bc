using Hangfire;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Infrastructure.Common.Jobs;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>
/// Solved tickets past their confirmation window are closed every hour; service levels are escalated on
/// <c>ServiceLevels:EscalationCron</c> (every five minutes by default); the tickets' full-text index moves forward every minute.
/// </summary>
internal sealed class TicketsRecurringJobs(IOptions<ServiceLevelsOptions> serviceLevels) : IRecurringJobRegistration
{
    public void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<AutoCloseSolvedTicketsJob>(AutoCloseSolvedTicketsJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<EscalateTicketsJob>(EscalateTicketsJob.RecurringId, job => job.RunAsync(CancellationToken.None), serviceLevels.Value.EscalationCron);
        jobs.AddOrUpdate<IndexTicketSearchJob>(IndexTicketSearchJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
    }
}
