namespace MesaServicios.Domain.Reservations;

/// <summary>Who acts on a reservation: a user and whether he belongs to the desk. Jobs act with no actor (the system).</summary>
public sealed record ReservationActor(Guid UserId, bool IsDesk)
{
    public static ReservationActor Person(Guid userId) => new(userId, false);

    public static ReservationActor Desk(Guid userId) => new(userId, true);
}
