namespace MesaServicios.Domain.Common;

/// <summary>Something that happened in the domain. Dispatched in the same transaction as the change that raised it.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
