using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Events;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Notifications;
using MesaServicios.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

/// <summary>
/// One transaction per command: run the handler, save, dispatch the raised domain events (whose handlers may
/// change more entities and raise more events) until none are left, then commit. Events are handled before
/// the commit, so a reaction and the change that caused it land together or not at all.
/// </summary>
internal sealed class TransactionRunner(MesaDbContext db, DomainEventDispatcher dispatcher, OutboxSignal outboxSignal, WriteGate writeGate) : ITransactionRunner
{
    private const int MaxEventRounds = 10;

    public async ValueTask<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        using var turn = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work(cancellationToken);
            var queuedEmail = await SaveAndDispatchAsync(cancellationToken);
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
        }
    }

    private async Task<bool> SaveAndDispatchAsync(CancellationToken cancellationToken)
    {
        var queuedEmail = false;
        for (var round = 0; round < MaxEventRounds; round++)
        {
            queuedEmail |= db.ChangeTracker.Entries<OutboxEmail>().Any(e => e.State == EntityState.Added);
            await db.SaveChangesAsync(cancellationToken);
            var events = db.ChangeTracker.Entries<Entity>()
                .SelectMany(e => e.Entity.DequeueDomainEvents())
                .ToList();
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
}
