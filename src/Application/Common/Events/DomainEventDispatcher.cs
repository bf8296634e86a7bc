using System.Collections.Concurrent;
using MesaServicios.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.Application.Common.Events;

/// <summary>Delivers each domain event to every <see cref="IDomainEventHandler{TEvent}"/> registered for its type.</summary>
public sealed class DomainEventDispatcher(IServiceProvider services)
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainEvent, CancellationToken, ValueTask>> Invokers = new();

    public async ValueTask DispatchAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var invoke = Invokers.GetOrAdd(domainEvent.GetType(), static type =>
        {
            var method = typeof(DomainEventDispatcher).GetMethod(nameof(InvokeAll), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type);
            return method.CreateDelegate<Func<IServiceProvider, IDomainEvent, CancellationToken, ValueTask>>();
        });
        await invoke(services, domainEvent, cancellationToken);
    }

    private static async ValueTask InvokeAll<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.Handle((TEvent)domainEvent, cancellationToken);
        }
    }
}
