using MesaServicios.Domain.Reservations;

namespace MesaServicios.Application.Reservations;

/// <summary>
/// Port: the guarantee that two active reservations of one item never overlap, also under races. The command
/// asks <see cref="FindConflictAsync"/> under its write turn (so the answer cannot change before its insert), and
/// the database enforces the same rule when the row is written: on SQLite a trigger, on PostgreSQL an exclusion
/// constraint (<c>EXCLUDE USING gist ("ItemId" WITH =, int8range("StartsAt", "EndsAt", '[)') WITH &amp;&amp;)</c>, times as UTC ticks).
/// <see cref="IsOverlapViolation"/> recognises the database's refusal so it becomes the same 409.
/// </summary>
public interface IReservationOverlapGuard
{
    /// <summary>The first active reservation of the item whose window overlaps <paramref name="window"/>, if any.</summary>
    Task<ReservationWindow?> FindConflictAsync(Guid itemId, ReservationWindow window, Guid? exceptReservationId, CancellationToken cancellationToken);

    /// <summary>Whether a failed save was the database refusing an overlapping reservation.</summary>
    bool IsOverlapViolation(Exception exception);
}
