using Mediator;
using MesaServicios.Application.Inbox.Parsing;
using MesaServicios.Domain.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Inbox.Ingest;

public sealed record IngestionReport(bool Ran, int Fetched, int Recorded, int AlreadyRecorded, int Applied, int Retrying, int Rejected, int Moved);

/// <summary>
/// One ingestion run over the configured source. Not a command: it commits step by step.
/// <list type="number">
/// <item>Takes the ingestion lease (one run at a time across every node), or returns at once.</item>
/// <item>Fetches a batch and records each message first (unique per mailbox: a message seen before is not recorded again).</item>
/// <item>Applies each pending message in its own transaction (<see cref="ApplyInboxMessageCommand"/>); a failure only
/// counts an attempt, and after the allowed attempts the message is failed for good.</item>
/// <item>Only then moves the batch on the server: processed or rejected. A crash before the move leaves the messages
/// in place; the next run finds them recorded and final, and only moves them.</item>
/// </list>
/// </summary>
public sealed record IngestMailRequest : IRequest<IngestionReport>;

internal sealed partial class IngestMailRequestHandler(
    IInboxDbContext db,
    IMailSourceFactory sources,
    ISender sender,
    IIngestionLease lease,
    IOptions<InboxOptions> options,
    TimeProvider clock,
    ILogger<IngestMailRequestHandler> logger) : IRequestHandler<IngestMailRequest, IngestionReport>
{
    public async ValueTask<IngestionReport> Handle(IngestMailRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var holder = Guid.NewGuid();
        if (!await TryTakeLeaseAsync(holder, cancellationToken))
        {
            return new IngestionReport(false, 0, 0, 0, 0, 0, 0, 0);
        }

        int fetched = 0, recorded = 0, already = 0, applied = 0, retrying = 0, rejected = 0, moved = 0;
        try
        {
            await using var source = sources.Create();
            await source.OpenAsync(cancellationToken);
            var waiting = await source.ListAsync(cancellationToken);
            foreach (var refs in waiting.Chunk(Math.Max(1, settings.BatchSize)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!await TryTakeLeaseAsync(holder, cancellationToken))
                {
                    break;
                }

                var batch = await source.FetchAsync(refs, cancellationToken);
                fetched += batch.Count;
                var entries = await RecordAsync(source.Mailbox, batch, cancellationToken);
                recorded += entries.Count(e => e.IsNew);
                applied += entries.Count(e => e.IsNew && e.Status == InboxMessageStatus.Ignored);
                already += entries.Count(e => !e.IsNew);

                var processed = new List<string>();
                var failed = new List<string>();
                foreach (var entry in entries)
                {
                    var status = entry.Status;
                    if (status == InboxMessageStatus.Pending)
                    {
                        status = await ApplyAsync(entry, settings.MaxAttempts, cancellationToken);
                        if (status is not (InboxMessageStatus.Pending or InboxMessageStatus.Failed))
                        {
                            applied++;
                        }
                    }

                    switch (status)
                    {
                        case InboxMessageStatus.Pending:
                            retrying++;
                            break;
                        case InboxMessageStatus.Failed:
                            rejected++;
                            failed.Add(entry.Ref);
                            break;
                        default:
                            processed.Add(entry.Ref);
                            break;
                    }
                }

                if (processed.Count > 0 || failed.Count > 0)
                {
                    await source.CompleteAsync(processed, failed, cancellationToken);
                    moved += processed.Count + failed.Count;
                }
            }
        }
        finally
        {
            await ReleaseLeaseAsync(holder);
        }

        var report = new IngestionReport(true, fetched, recorded, already, applied, retrying, rejected, moved);
        if (fetched > 0)
        {
            LogRun(logger, report.Fetched, report.Recorded, report.Applied, report.Retrying, report.Rejected, report.Moved);
        }

        return report;
    }

    private sealed record Entry(string Ref, Guid Id, InboxMessageStatus Status, bool IsNew, ParsedMail? Parsed);

    /// <summary>Records the batch in one commit; messages recorded before are looked up, not recorded again.</summary>
    private async Task<List<Entry>> RecordAsync(string mailbox, IReadOnlyList<SourceMessage> batch, CancellationToken cancellationToken, bool firstTry = true)
    {
        var now = clock.GetUtcNow();
        var items = batch.Select(m => (Message: m, Parsed: TryParse(m.Raw))).ToList();
        var keys = items.Select(i => Key(i.Message, i.Parsed)).ToList();
        var distinctKeys = keys.Distinct(StringComparer.Ordinal).ToArray();
        var known = await db.InboxMessages.AsNoTracking()
            .Where(m => m.Mailbox == mailbox && distinctKeys.Contains(m.MessageKey))
            .Select(m => new { m.MessageKey, m.Id, m.Status })
            .ToDictionaryAsync(m => m.MessageKey, StringComparer.Ordinal, cancellationToken);

        var entries = new List<Entry>(items.Count);
        var added = new Dictionary<string, InboxMessage>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var (message, parsed) = items[i];
            var key = keys[i];
            if (known.TryGetValue(key, out var existing))
            {
                entries.Add(new Entry(message.Ref, existing.Id, existing.Status, false, parsed));
                continue;
            }

            if (added.TryGetValue(key, out var twin))
            {
                // The same message twice in one batch: the copy follows the original (moved once the original is applied).
                entries.Add(new Entry(message.Ref, twin.Id, twin.Status, false, parsed));
                continue;
            }

            var record = InboxMessage.Record(mailbox, key, parsed?.MessageId, parsed?.FromAddress ?? string.Empty, parsed?.FromName, parsed?.Subject ?? string.Empty, message.Raw, now);

            // Pure noise (auto-replies, bulk, lists, our own mail) has no effect to apply: it is recorded as
            // ignored in the same commit. Bounces still go through the application (they record addresses).
            var noise = parsed is null ? null : MailClassifier.NoiseReason(parsed, options.Value.OwnAddresses);
            if (noise is not null && noise != MailClassifier.Bounce)
            {
                record.Ignore(noise, now);
            }

            db.InboxMessages.Add(record);
            added[key] = record;
            entries.Add(new Entry(message.Ref, record.Id, record.Status, true, parsed));
        }

        if (added.Count > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (firstTry)
            {
                // Another run recorded some of them in the meantime: forget ours and read theirs (once; a second
                // failure is an outage, not a race, and ends the run).
                foreach (var record in added.Values)
                {
                    db.InboxMessages.Entry(record).State = EntityState.Detached;
                }

                return await RecordAsync(mailbox, batch, cancellationToken, firstTry: false);
            }
            finally
            {
                foreach (var record in added.Values)
                {
                    db.InboxMessages.Entry(record).State = EntityState.Detached;
                }
            }
        }

        return entries;
    }

    private async Task<InboxMessageStatus> ApplyAsync(Entry entry, int maxAttempts, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.Send(new ApplyInboxMessageCommand(entry.Id, entry.Parsed), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogApplyFailed(logger, entry.Id, ex.Message);
            var record = await db.InboxMessages.FirstAsync(m => m.Id == entry.Id, cancellationToken);
            if (record.IsFinal)
            {
                return record.Status;
            }

            record.AttemptFailed($"{ex.GetType().Name}: {ex.Message}", maxAttempts, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            if (record.Status == InboxMessageStatus.Failed)
            {
                LogRejected(logger, record.Id, record.Attempts, record.LastError ?? string.Empty);
            }

            db.InboxMessages.Entry(record).State = EntityState.Detached;
            return record.Status;
        }
    }

    private Task<bool> TryTakeLeaseAsync(Guid holder, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return lease.TryTakeAsync(holder, now, now.AddSeconds(options.Value.LeaseSeconds), cancellationToken);
    }

    private Task ReleaseLeaseAsync(Guid holder) => lease.ReleaseAsync(holder);

    private static ParsedMail? TryParse(byte[] raw)
    {
        try
        {
            return MailParser.Parse(raw);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Key(SourceMessage message, ParsedMail? parsed) =>
        parsed?.Key ?? "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(message.Raw));

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox run: {Fetched} fetched, {Recorded} recorded, {Applied} applied, {Retrying} to retry, {Rejected} rejected, {Moved} moved")]
    private static partial void LogRun(ILogger logger, int fetched, int recorded, int applied, int retrying, int rejected, int moved);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox message {InboxMessageId} rejected after {Attempts} attempts: {Error}")]
    private static partial void LogRejected(ILogger logger, Guid inboxMessageId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox message {InboxMessageId} could not be applied: {Error}")]
    private static partial void LogApplyFailed(ILogger logger, Guid inboxMessageId, string error);
}
