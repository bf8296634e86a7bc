using Hangfire;
using Mediator;
using MesaServicios.Application.Inbox.Ingest;

namespace MesaServicios.Infrastructure.Inbox;

/// <summary>
/// Thin Hangfire job: one ingestion run. Never two at once: Hangfire's distributed lock here, and the
/// database lease inside the run (which also covers runs started outside Hangfire).
/// </summary>
public sealed class IngestMailJob(ISender sender)
{
    public const string RecurringId = "inbox.ingest-mail";

    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken) =>
        await sender.Send(new IngestMailRequest(), cancellationToken);
}
