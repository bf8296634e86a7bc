namespace MesaServicios.Application.Reservations.Contracts;

/// <summary>An item a person holds now (checked out to him and not yet returned).</summary>
public sealed record HeldEquipment(Guid ItemId, string Code, string Name, int MaterialTypeId, string MaterialType, Guid ReservationId);

/// <summary>What other modules may ask the Reservations module.</summary>
public interface IReservationsFacade
{
    /// <summary>The item if it is checked out to <paramref name="personId"/> at this moment; otherwise null.</summary>
    Task<HeldEquipment?> GetHeldItemAsync(Guid personId, Guid itemId, CancellationToken cancellationToken);
}
