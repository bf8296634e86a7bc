namespace MesaServicios.Application.Common;

/// <summary>
/// Port: runs work in one database transaction, then saves, dispatches the domain events raised (repeating
/// until none are left) and commits. Nested calls join the outer transaction.
/// </summary>
public interface ITransactionRunner
{
    ValueTask<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken);
}
