namespace MesaServicios.Application.Common;

/// <summary>
/// Port: runs work in one database transaction, then saves, dispatches the domain events raised (repeating
/// until none are left) and commits. Nested calls join the outer transaction.
/// </summary>
public interface ITransactionRunner
{
    ValueTask<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="RunAsync{T}"/>, but the work's reads run before the write turn: the transaction starts at its
    /// first save. Only for work whose decisions are re-checked by the database at write time (concurrency tokens,
    /// unique indexes) or that writes only new rows; see <see cref="IOptimisticCommand"/>.
    /// </summary>
    ValueTask<T> RunOptimisticAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Inside <see cref="RunOptimisticAsync{T}"/>: take the write turn now, so that what is read next is read under
    /// it (e.g. a check that the database cannot re-check at write time). Does nothing if the turn is already held.
    /// </summary>
    ValueTask EnterWriteTurnAsync(CancellationToken cancellationToken);
}
