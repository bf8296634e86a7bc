using Hangfire;
using MesaServicios.Application.Notifications;
using MesaServicios.Infrastructure.Common.Jobs;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>The outbox is drained on <see cref="MailOptions.DeliveryCron"/> (a commit that queues mail also asks for a run at once).</summary>
internal sealed class NotificationsRecurringJobs(IOptions<MailOptions> options) : IRecurringJobRegistration
{
    public void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<DeliverOutboxJob>(DeliverOutboxJob.RecurringId, job => job.RunAsync(CancellationToken.None), options.Value.DeliveryCron);
}
