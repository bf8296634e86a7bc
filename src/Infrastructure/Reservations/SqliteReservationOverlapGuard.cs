using MesaServicios.Application.Reservations;
using MesaServicios.Domain.Reservations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Reservations;

/// <summary>
/// The overlap guarantee on SQLite: the check runs in the booking command's write turn (one writer at a time, see
/// ADR 0010), and the triggers of <see cref="ReservationsSql"/> refuse an overlapping row whatever wrote it.
/// </summary>
internal sealed class SqliteReservationOverlapGuard(IReservationsDbContext db) : IReservationOverlapGuard
{
    /// <summary>The booking command already runs in the single write turn (ADR 0010).</summary>
    public Task TakeItemTurnAsync(Guid itemId, CancellationToken cancellationToken) => Task.CompletedTask;

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
            if (e is SqliteException sqlite && sqlite.Message.Contains(ReservationsSql.OverlapMessage, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
