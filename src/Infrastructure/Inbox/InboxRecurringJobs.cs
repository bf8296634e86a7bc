using Hangfire;
using MesaServicios.Application.Inbox;
using MesaServicios.Infrastructure.Common.Jobs;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.Inbox;

/// <summary>The mailbox is read on <see cref="InboxOptions.PollCron"/>; switched off, the job is removed.</summary>
internal sealed class InboxRecurringJobs(IOptions<InboxOptions> options) : IRecurringJobRegistration
{
    public void Register(IRecurringJobManager jobs)
    {
        var inbox = options.Value;
        if (inbox.Enabled)
        {
            jobs.AddOrUpdate<IngestMailJob>(IngestMailJob.RecurringId, job => job.RunAsync(CancellationToken.None), inbox.PollCron);
        }
        else
        {
            jobs.RemoveIfExists(IngestMailJob.RecurringId);
        }
    }
}
