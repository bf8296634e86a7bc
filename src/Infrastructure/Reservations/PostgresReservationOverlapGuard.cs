using MesaServicios.Application.Reservations;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;
using MesaServicios.Infrastructure.Common.Persistence;
using Npgsql;

namespace MesaServicios.Infrastructure.Reservations;

/// <summary>
/// The overlap guarantee on PostgreSQL, where bookings of several nodes run concurrently: the check gives the usual
/// answer (the conflicting window), and the exclusion constraint of <see cref="ReservationsPostgresSql"/> refuses
/// the second of two racing bookings (SQLSTATE 23P01, or 40P01 when several race), which becomes the same 409.
/// Bookings of one item take turns on the item's row first (<see cref="TakeItemTurnAsync"/>), so a crowd asking for one
/// slot queues there instead of piling up on the constraint.
/// </summary>
internal sealed class PostgresReservationOverlapGuard(IReservationsDbContext db, MesaDbContext context) : IReservationOverlapGuard
{
    /// <summary>
    /// Locks the item's row until the transaction ends. Without it, fifty inserts of one slot at once all wait on each
    /// other inside the exclusion constraint, and PostgreSQL untangles them one deadlock check (a second) at a time:
    /// the last ones passed the 30-second command timeout. <c>FOR NO KEY UPDATE</c> leaves the foreign-key checks of
    /// other writes that reference the item alone.
    /// </summary>
    public async Task TakeItemTurnAsync(Guid itemId, CancellationToken cancellationToken) =>
        await context.Database.ExecuteSqlAsync($"""SELECT 1 FROM "EquipmentItems" WHERE "Id" = {itemId} FOR NO KEY UPDATE""", cancellationToken);

    public async Task<ReservationWindow?> FindConflictAsync(Guid itemId, ReservationWindow window, Guid? exceptReservationId, CancellationToken cancellationToken)
    {
        var conflict = await db.Reservations.AsNoTracking()
            .ActiveOverlapping(itemId, window.Start, window.End)
            .Where(r => r.Id != exceptReservationId)
            .OrderBy(r => r.StartsAt)
            .Select(r => new { r.StartsAt, r.EndsAt })
            .FirstOrDefaultAsync(cancellationToken);
        return conflict is null ? null : new ReservationWindow(conflict.StartsAt, conflict.EndsAt);
    }

    public bool IsOverlapViolation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation } postgres
                && postgres.ConstraintName == ReservationsPostgresSql.OverlapConstraint)
            {
                return true;
            }

            // Three or more bookings of one slot at once: while checking the exclusion constraint PostgreSQL may find
            // them waiting on each other and end one with a deadlock (40P01, "while checking exclusion constraint … in
            // relation "Reservations""). The others go on and one of them wins: the one ended lost the slot too.
            if (e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected } deadlock
                && deadlock.Where?.Contains("\"Reservations\"", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }
}
