using Mediator;
using MesaServicios.Application.Inbox.Contracts;
using MesaServicios.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Notifications.DeliverOutbox;

public sealed record DeliveryReport(int Claimed, int Sent, int Failed, int DeadLettered);

/// <summary>
/// Sends the due outbox e-mails. Not a command: it commits per message rather than in one transaction.
/// Each batch is first claimed with one atomic update, so concurrent runs (or nodes) never pick the same
/// message. A slow batch renews its claim (<c>Mail:ClaimSeconds</c>) once a third of it has passed, and skips a
/// message whose claim expired and was taken by another run. The only duplicate windows are a crash after the
/// server accepted a message and before it was marked sent (the claim then expires and the message is sent again),
/// and one message whose sending alone outlasts the claim.
/// </summary>
public sealed record DeliverOutboxRequest : IRequest<DeliveryReport>;

internal sealed partial class DeliverOutboxRequestHandler(
    INotificationsDbContext db,
    IEmailSender sender,
    ISender mediator,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<DeliverOutboxRequestHandler> logger) : IRequestHandler<DeliverOutboxRequest, DeliveryReport>
{
    public async ValueTask<DeliveryReport> Handle(DeliverOutboxRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var claim = Guid.NewGuid();
        var claimFor = TimeSpan.FromSeconds(Math.Max(1, settings.ClaimSeconds));
        var until = now + claimFor;
        var due = db.OutboxEmails
            .Where(e => e.Status == OutboxEmailStatus.Pending && e.NextAttemptAt <= now && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .OrderBy(e => e.NextAttemptAt)
            .Select(e => e.Id)
            .Take(settings.DeliveryBatchSize);
        var claimed = await db.OutboxEmails
            // The outer filter repeats every condition: on a database that re-checks only the updated row's own
            // predicate under concurrency (PostgreSQL, read committed), a message just marked Sent stays unclaimable.
            .Where(e => due.Contains(e.Id) && e.Status == OutboxEmailStatus.Pending && e.NextAttemptAt <= now && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimToken, claim).SetProperty(e => e.ClaimedUntil, until), cancellationToken);
        if (claimed == 0)
        {
            return new DeliveryReport(0, 0, 0, 0);
        }

        var batch = await db.OutboxEmails.Where(e => e.ClaimToken == claim).OrderBy(e => e.NextAttemptAt).ToListAsync(cancellationToken);

        // Addresses a bounce told the Inbox we cannot reach: not tried again (dead letter, visible and re-queueable).
        var undeliverable = (await mediator.Send(new FindUndeliverableAddressesQuery(batch.Select(e => e.To).ToArray()), cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        int sent = 0, failed = 0, dead = 0;
        var renewedAt = now;
        HashSet<Guid>? held = null;
        foreach (var email in batch)
        {
            var at = clock.GetUtcNow();
            if (at - renewedAt > claimFor / 3)
            {
                // Still ours unless another run took it after the claim expired (its token replaced ours).
                await db.OutboxEmails
                    .Where(e => e.ClaimToken == claim && e.Status == OutboxEmailStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedUntil, at + claimFor), cancellationToken);
                held = [.. await db.OutboxEmails.Where(e => e.ClaimToken == claim).Select(e => e.Id).ToListAsync(cancellationToken)];
                renewedAt = at;
            }

            if (held is not null && !held.Contains(email.Id))
            {
                continue;
            }

            try
            {
                if (undeliverable.Contains(email.To))
                {
                    throw new EmailDeliveryException($"{email.To} is undeliverable: a delivery-status report (bounce) was received for it.", permanent: true);
                }

                await sender.SendAsync(email, cancellationToken);
                email.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var permanent = ex is EmailDeliveryException { Permanent: true };
                email.MarkFailed(ex.Message, permanent, settings.MaxAttempts, TimeSpan.FromSeconds(settings.RetryBaseDelaySeconds), clock.GetUtcNow());
                if (email.Status == OutboxEmailStatus.DeadLettered)
                {
                    dead++;
                    LogDeadLettered(logger, email.Id, email.Attempts, ex.Message);
                }
                else
                {
                    failed++;
                    LogRetry(logger, email.Id, email.Attempts, email.NextAttemptAt, ex.Message);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return new DeliveryReport(claimed, sent, failed, dead);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {EmailId} failed (attempt {Attempts}); next try at {NextAttemptAt}: {Error}")]
    private static partial void LogRetry(ILogger logger, Guid emailId, int attempts, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail {EmailId} dead-lettered after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, Guid emailId, int attempts, string error);
}
