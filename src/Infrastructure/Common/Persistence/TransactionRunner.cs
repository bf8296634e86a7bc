using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Caching;
using MesaServicios.Application.Common.Events;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Notifications;
using MesaServicios.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

/// <summary>
/// One transaction per command: run the handler, save, dispatch the raised domain events (whose handlers may
/// change more entities and raise more events) until none are left, then commit. Events are handled before
/// the commit, so a reaction and the change that caused it land together or not at all. On SQLite the
/// transaction is a savepoint of a group commit (<see cref="WriteBatcher"/>): the command answers once the
/// commit that holds it is done.
/// </summary>
internal sealed class TransactionRunner(MesaDbContext db, DomainEventDispatcher dispatcher, OutboxSignal outboxSignal, WriteBatcher batcher, ReferenceCache cache) : ITransactionRunner
{
    private const int MaxEventRounds = 10;

    public ValueTask<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken) =>
        RunInTurnAsync(work, readFirst: false, cancellationToken);

    public ValueTask<T> RunOptimisticAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken) =>
        RunInTurnAsync(work, readFirst: true, cancellationToken);

    public async ValueTask EnterWriteTurnAsync(CancellationToken cancellationToken)
    {
        if (db.BeforeFirstWrite is { } enter)
        {
            db.BeforeFirstWrite = null;
            await enter(cancellationToken);
        }
    }

    private async ValueTask<T> RunInTurnAsync<T>(Func<CancellationToken, ValueTask<T>> work, bool readFirst, CancellationToken cancellationToken)
    {
        // Inside another command (its transaction, or its reads before the turn): join it.
        if (db.Database.CurrentTransaction is not null || db.BeforeFirstWrite is not null)
        {
            return await work(cancellationToken);
        }

        if (!batcher.Enabled)
        {
            return await RunAloneAsync(work, cancellationToken);
        }

        WriteBatcher.Turn? turn = null;
        db.BeforeFirstWrite = async ct => turn = await batcher.EnterAsync(db, ct);
        try
        {
            if (!readFirst)
            {
                await EnterWriteTurnAsync(cancellationToken);
            }

            T result;
            bool queuedEmail;
            try
            {
                result = await work(cancellationToken);

                // Work that read and changed nothing never takes the write turn.
                queuedEmail = (turn is not null || db.ChangeTracker.HasChanges()) && await SaveAndDispatchAsync(beforeFirstSave: turn is null, cancellationToken);
            }
            catch (Exception exception)
            {
                if (turn is null)
                {
                    db.ChangeTracker.Clear();
                }
                else
                {
                    await turn.AbandonAsync();
                }

                if (exception is DbUpdateConcurrencyException)
                {
                    throw new ConcurrencyConflictException(preconditionFailed: false);
                }

                throw;
            }

            if (turn is null)
            {
                db.ChangeTracker.Clear();
                return result;
            }

            await turn.CompleteAsync();
            if (queuedEmail)
            {
                outboxSignal.Signal();
            }

            return result;
        }
        finally
        {
            db.BeforeFirstWrite = null;
            DropCacheIfReferenceDataChanged();
        }
    }

    private async ValueTask<T> RunAloneAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work(cancellationToken);
            var queuedEmail = await SaveAndDispatchAsync(beforeFirstSave: false, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (queuedEmail)
            {
                outboxSignal.Signal();
            }

            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(preconditionFailed: false);
        }
        finally
        {
            db.ChangeTracker.Clear();
            DropCacheIfReferenceDataChanged();
        }
    }

    /// <param name="beforeFirstSave">
    /// Nothing is saved yet (an <see cref="IOptimisticCommand"/> outside the write turn): the domain events are
    /// handled first, so their reactions (notifications, e-mails) are prepared before the turn and saved with the
    /// change in one go.
    /// </param>
    private async Task<bool> SaveAndDispatchAsync(bool beforeFirstSave, CancellationToken cancellationToken)
    {
        for (var round = 0; beforeFirstSave && round < MaxEventRounds; round++)
        {
            var pending = db.ChangeTracker.Entries<Entity>().SelectMany(e => e.Entity.DequeueDomainEvents()).ToList();
            if (pending.Count == 0)
            {
                break;
            }

            foreach (var domainEvent in pending)
            {
                await dispatcher.DispatchAsync(domainEvent, cancellationToken);
            }
        }

        var queuedEmail = false;
        for (var round = 0; round < MaxEventRounds; round++)
        {
            // Added entities are known without a scan, and SaveChanges has just scanned for the events' entities:
            // these two looks at the tracker need no change detection of their own (it runs inside the write turn).
            queuedEmail |= TrackedWithoutDetecting(() => db.ChangeTracker.Entries<OutboxEmail>().Any(e => e.State == EntityState.Added));
            await db.SaveChangesAsync(cancellationToken);
            var events = TrackedWithoutDetecting(() => db.ChangeTracker.Entries<Entity>()
                .SelectMany(e => e.Entity.DequeueDomainEvents())
                .ToList());
            if (events.Count == 0)
            {
                return queuedEmail;
            }

            foreach (var domainEvent in events)
            {
                await dispatcher.DispatchAsync(domainEvent, cancellationToken);
            }
        }

        throw new InvalidOperationException("Domain events kept raising new events; giving up to avoid an endless loop.");
    }

    /// <summary>Committed or rolled back, the cache may hold what was read before the change: drop it once more.</summary>
    private void DropCacheIfReferenceDataChanged()
    {
        if (db.ReferenceDataChanged)
        {
            db.ReferenceDataChanged = false;
            cache.Invalidate();
        }
    }

    private T TrackedWithoutDetecting<T>(Func<T> look)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return look();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
