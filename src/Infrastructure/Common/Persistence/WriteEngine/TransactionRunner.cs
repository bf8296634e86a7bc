using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Caching;
using MesaServicios.Application.Common.Events;
using MesaServicios.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MesaServicios.Infrastructure.Common.Persistence.WriteEngine;

/// <summary>
/// One transaction per command: run the handler, save, dispatch the raised domain events (whose handlers may
/// change more entities and raise more events) until none are left, then commit. Events are handled before
/// the commit, so a reaction and the change that caused it land together or not at all. On SQLite the
/// transaction is a savepoint of a group commit (<see cref="WriteBatcher"/>): the command answers once the
/// commit that holds it is done. After the commit, the <see cref="ICommitObserver"/>s interested in what the command
/// saved are told (e.g. Notifications starts delivering the e-mails it queued).
/// </summary>
internal sealed class TransactionRunner(MesaDbContext db, DomainEventDispatcher dispatcher, IEnumerable<ICommitObserver> observers, BulkInsertBuffer bulk, WriteBatcher batcher, KeptInserts kept, ReferenceCache cache) : ITransactionRunner
{
    private const int MaxEventRounds = 10;

    private readonly ICommitObserver[] _observers = observers as ICommitObserver[] ?? observers.ToArray();

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
            bool[]? interested;
            try
            {
                result = await work(cancellationToken);

                // Work that read and changed nothing never takes the write turn.
                interested = turn is not null || bulk.HasPending || db.ChangeTracker.HasChanges() ? await SaveAndDispatchAsync(beforeFirstSave: turn is null, cancellationToken) : null;
            }
            catch (Exception exception)
            {
                bulk.Clear();
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
            TellObservers(interested);

            return result;
        }
        finally
        {
            db.BeforeFirstWrite = null;
            bulk.Clear();
            DropCacheIfReferenceDataChanged();
        }
    }

    private async ValueTask<T> RunAloneAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work(cancellationToken);
            var interested = await SaveAndDispatchAsync(beforeFirstSave: false, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            TellObservers(interested);

            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(preconditionFailed: false);
        }
        finally
        {
            db.ChangeTracker.Clear();
            bulk.Clear();
            DropCacheIfReferenceDataChanged();
        }
    }

    /// <param name="beforeFirstSave">
    /// Nothing is saved yet (an <see cref="IOptimisticCommand"/> outside the write turn): the domain events are
    /// handled first, so their reactions (notifications, e-mails) are prepared before the turn and saved with the
    /// change in one go.
    /// </param>
    /// <returns>Which observers (by index) are interested in what was saved.</returns>
    private async Task<bool[]> SaveAndDispatchAsync(bool beforeFirstSave, CancellationToken cancellationToken)
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

        var interested = new bool[_observers.Length];
        for (var round = 0; round < MaxEventRounds; round++)
        {
            // Added entities are known without a scan, and SaveChanges has just scanned for the events' entities:
            // these looks at the tracker need no change detection of their own (they run inside the write turn).
            for (var i = 0; i < _observers.Length; i++)
            {
                if (!interested[i])
                {
                    interested[i] = TrackedWithoutDetecting(tracker => _observers[i].IsInterestedIn(tracker, bulk), db.ChangeTracker);
                }
            }

            // The bulk rows' statements and values are built before the write turn (SaveAsync enters it).
            bulk.Prepare(db);
            await SaveAsync(cancellationToken);
            await bulk.FlushAsync(db, cancellationToken);
            var events = TrackedWithoutDetecting(() => db.ChangeTracker.Entries<Entity>()
                .SelectMany(e => e.Entity.DequeueDomainEvents())
                .ToList());
            if (events.Count == 0)
            {
                return interested;
            }

            foreach (var domainEvent in events)
            {
                await dispatcher.DispatchAsync(domainEvent, cancellationToken);
            }
        }

        throw new InvalidOperationException("Domain events kept raising new events; giving up to avoid an endless loop.");
    }

    /// <summary>
    /// SaveChanges; on SQLite the rows of the kept types (<see cref="KeptInserts"/>) are written first by their kept
    /// statements, and changes are detected once for both.
    /// </summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (!batcher.Enabled || !kept.Enabled)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        // Changes detected and the kept rows' parameters read before the write turn: under it, only the statements run.
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        if (detect)
        {
            tracker.DetectChanges();
        }

        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var prepared = kept.Prepare(db);
            await EnterWriteTurnAsync(cancellationToken);
            await kept.WriteAsync(db, prepared, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
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

    private void TellObservers(bool[]? interested)
    {
        for (var i = 0; interested is not null && i < interested.Length; i++)
        {
            if (interested[i])
            {
                _observers[i].Committed();
            }
        }
    }

    private T TrackedWithoutDetecting<T>(Func<T> look) => TrackedWithoutDetecting(_ => look(), db.ChangeTracker);

    private T TrackedWithoutDetecting<T>(Func<ChangeTracker, T> look, ChangeTracker tracker)
    {
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return look(tracker);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
