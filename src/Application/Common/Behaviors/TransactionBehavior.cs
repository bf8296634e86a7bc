using Mediator;

namespace MesaServicios.Application.Common.Behaviors;

/// <summary>
/// Commands only: the handler, the domain events it raises and their reactions (other modules, the outbox)
/// are saved in one transaction. A command sent from inside another joins the outer transaction. An
/// <see cref="IOptimisticCommand"/> starts its transaction at its first save.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(ITransactionRunner transactions)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        message is IOptimisticCommand
            ? transactions.RunOptimisticAsync(ct => next(message, ct), cancellationToken)
            : transactions.RunAsync(ct => next(message, ct), cancellationToken);
}
