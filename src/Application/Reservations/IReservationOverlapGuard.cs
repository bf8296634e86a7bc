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
    /// <summary>
    /// Makes the bookings of one item take turns until the current transaction ends, before the command reads the
    /// item's reservations: the next booker then finds the winner's row in its check (a plain 409 with the window
    /// taken) instead of racing it at the insert. SQLite: nothing to do, the write turn already orders all writers.
    /// </summary>
    Task TakeItemTurnAsync(Guid itemId, CancellationToken cancellationToken);

    /// <summary>The first active reservation of the item whose window overlaps <paramref name="window"/>, if any.</summary>
    Task<ReservationWindow?> FindConflictAsync(Guid itemId, ReservationWindow window, Guid? exceptReservationId, CancellationToken cancellationToken);

    /// <summary>Whether a failed save was the database refusing an overlapping reservation.</summary>
    bool IsOverlapViolation(Exception exception);
}
