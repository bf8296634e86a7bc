using MesaServicios.Domain.Common;

namespace MesaServicios.Application.Common.Events;

/// <summary>Reacts to a domain event inside the transaction that raised it (before the commit).</summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    ValueTask Handle(TEvent domainEvent, CancellationToken cancellationToken);
}
