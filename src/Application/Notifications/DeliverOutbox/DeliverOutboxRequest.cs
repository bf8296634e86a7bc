using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Inbox.Contracts;
using MesaServicios.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Notifications.DeliverOutbox;

public sealed record DeliveryReport(int Claimed, int Sent, int Failed, int DeadLettered);

/// <summary>
/// Sends the due outbox e-mails. Not a command: each batch is first claimed with one atomic update, so concurrent
/// runs (or nodes) never pick the same message, then sent, then its results are written back: the sent ones in one
/// statement, a failure in one statement each. Every write is a short turn of the single writer (<see
/// cref="ITransactionRunner"/>: on SQLite it queues with the commands instead of fighting them for the database's
/// lock), so delivering while tickets are being created does not hold the creations up. Results are written at the
/// end of each batch, or sooner once <see cref="ResultsAtMost"/> has passed since the last write (a slow mail server).
/// A slow batch renews its claim (<c>Mail:ClaimSeconds</c>) once a third of it has passed, and skips a message whose
/// claim expired and was taken by another run. The duplicate windows are a crash after the server accepted messages
/// and before their results were written (those of at most one batch or <see cref="ResultsAtMost"/>: their claim then
/// expires and they are sent again), and one message whose sending alone outlasts the claim.
/// </summary>
/// <param name="BatchSize">At most this many messages instead of <c>Mail:DeliveryBatchSize</c> (smaller batches while interactive requests are busy).</param>
public sealed record DeliverOutboxRequest(int? BatchSize = null) : IRequest<DeliveryReport>;

internal sealed partial class DeliverOutboxRequestHandler(
    INotificationsDbContext db,
    ITransactionRunner transactions,
    IEmailSender sender,
    ISender mediator,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<DeliverOutboxRequestHandler> logger) : IRequestHandler<DeliverOutboxRequest, DeliveryReport>
{
    /// <summary>A slow batch writes what it has sent so far at least this often.</summary>
    public static readonly TimeSpan ResultsAtMost = TimeSpan.FromSeconds(2);

    public async ValueTask<DeliveryReport> Handle(DeliverOutboxRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var claim = Guid.NewGuid();
        var claimFor = TimeSpan.FromSeconds(Math.Max(1, settings.ClaimSeconds));
        var until = now + claimFor;
        var claimed = await transactions.RunAsync(
            async ct =>
            {
                var due = db.OutboxEmails
                    .Where(e => e.Status == OutboxEmailStatus.Pending && e.NextAttemptAt <= now && (e.ClaimedUntil == null || e.ClaimedUntil < now))
                    .OrderBy(e => e.NextAttemptAt)
                    .Select(e => e.Id)
                    .Take(Math.Max(1, request.BatchSize ?? settings.DeliveryBatchSize));
                return await db.OutboxEmails
                    // The outer filter repeats every condition: on a database that re-checks only the updated row's own
                    // predicate under concurrency (PostgreSQL, read committed), a message just marked Sent stays unclaimable.
                    .Where(e => due.Contains(e.Id) && e.Status == OutboxEmailStatus.Pending && e.NextAttemptAt <= now && (e.ClaimedUntil == null || e.ClaimedUntil < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimToken, claim).SetProperty(e => e.ClaimedUntil, until), ct);
            },
            cancellationToken);
        if (claimed == 0)
        {
            return new DeliveryReport(0, 0, 0, 0);
        }

        var batch = await db.OutboxEmails.AsNoTracking().Where(e => e.ClaimToken == claim).OrderBy(e => e.NextAttemptAt).ToListAsync(cancellationToken);

        // Addresses a bounce told the Inbox we cannot reach: not tried again (dead letter, visible and re-queueable).
        var undeliverable = (await mediator.Send(new FindUndeliverableAddressesQuery(batch.SelectMany(e => e.Addressees().Select(a => a.Address)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray()), cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        int sent = 0, failed = 0, dead = 0;
        var renewedAt = now;
        var writtenAt = now;
        HashSet<Guid>? held = null;
        var sentIds = new List<Guid>();
        var failures = new List<OutboxEmail>();
        foreach (var email in batch)
        {
            var at = clock.GetUtcNow();
            if (at - writtenAt >= ResultsAtMost && (sentIds.Count > 0 || failures.Count > 0))
            {
                await WriteResultsAsync(claim, sentIds, failures, at, cancellationToken);
                writtenAt = at;
            }

            if (at - renewedAt > claimFor / 3)
            {
                // Still ours unless another run took it after the claim expired (its token replaced ours).
                held = await transactions.RunAsync(
                    async ct =>
                    {
                        await db.OutboxEmails
                            .Where(e => e.ClaimToken == claim && e.Status == OutboxEmailStatus.Pending)
                            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedUntil, at + claimFor), ct);
                        return (await db.OutboxEmails.Where(e => e.ClaimToken == claim).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
                    },
                    cancellationToken);
                renewedAt = at;
            }

            if (held is not null && !held.Contains(email.Id))
            {
                continue;
            }

            try
            {
                // A desk alert still goes to the desk members who can be reached.
                if (undeliverable.Count > 0 && !email.LeaveOut(undeliverable))
                {
                    throw new EmailDeliveryException($"{email.To} is undeliverable: a delivery-status report (bounce) was received for it.", permanent: true);
                }

                await sender.SendAsync(email, cancellationToken);
                sentIds.Add(email.Id);
                sent++;
                if (!sender.ResendIsHarmless)
                {
                    // Recorded before the next message goes: a crash can only send this one again (the one duplicate window).
                    await WriteResultsAsync(claim, sentIds, failures, clock.GetUtcNow(), cancellationToken);
                    writtenAt = clock.GetUtcNow();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var permanent = ex is EmailDeliveryException { Permanent: true };
                email.MarkFailed(ex.Message, permanent, settings.MaxAttempts, TimeSpan.FromSeconds(settings.RetryBaseDelaySeconds), clock.GetUtcNow());
                failures.Add(email);
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
        }

        await WriteResultsAsync(claim, sentIds, failures, clock.GetUtcNow(), cancellationToken);
        db.ChangeTracker.Clear();
        return new DeliveryReport(claimed, sent, failed, dead);
    }

    /// <summary>
    /// One short write: the sent messages marked in one statement (this is the "sent" transition of an outbox e-mail:
    /// status Sent, sent time, claim and last error cleared; there is no per-row method for it), each failure (its next attempt or dead letter, as
    /// <see cref="OutboxEmail.MarkFailed"/> worked it out) in one statement. Only rows this run still holds are changed.
    /// </summary>
    private async Task WriteResultsAsync(Guid claim, List<Guid> sentIds, List<OutboxEmail> failures, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        if (sentIds.Count == 0 && failures.Count == 0)
        {
            return;
        }

        var ids = sentIds.ToArray();
        var failed = failures.ToArray();
        sentIds.Clear();
        failures.Clear();
        await transactions.RunAsync(
            async ct =>
            {
                if (ids.Length > 0)
                {
                    await db.OutboxEmails
                        .Where(e => ids.Contains(e.Id) && e.ClaimToken == claim)
                        .ExecuteUpdateAsync(
                            s => s.SetProperty(e => e.Status, OutboxEmailStatus.Sent)
                                .SetProperty(e => e.SentAt, sentAt)
                                .SetProperty(e => e.ClaimedUntil, (DateTimeOffset?)null)
                                .SetProperty(e => e.ClaimToken, (Guid?)null)
                                .SetProperty(e => e.LastError, (string?)null),
                            ct);
                }

                foreach (var email in failed)
                {
                    await db.OutboxEmails
                        .Where(e => e.Id == email.Id && e.ClaimToken == claim)
                        .ExecuteUpdateAsync(
                            s => s.SetProperty(e => e.Status, email.Status)
                                .SetProperty(e => e.Attempts, email.Attempts)
                                .SetProperty(e => e.LastError, email.LastError)
                                .SetProperty(e => e.NextAttemptAt, email.NextAttemptAt)
                                .SetProperty(e => e.ClaimedUntil, (DateTimeOffset?)null)
                                .SetProperty(e => e.ClaimToken, (Guid?)null),
                            ct);
                }

                return ids.Length + failed.Length;
            },
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {EmailId} failed (attempt {Attempts}); next try at {NextAttemptAt}: {Error}")]
    private static partial void LogRetry(ILogger logger, Guid emailId, int attempts, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail {EmailId} dead-lettered after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, Guid emailId, int attempts, string error);
}
