using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Reservations;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Reservations;

/// <summary>Who acts, and loading a reservation or an item the way every command needs it.</summary>
internal static class ReservationAccess
{
    /// <summary>The signed-in user as a reservation actor (desk = technician or administrator).</summary>
    public static ReservationActor ReservationActor(this ICurrentUser currentUser) =>
        new(currentUser.RequiredUserId, currentUser.IsAtLeast(UserRole.Technician));

    /// <summary>
    /// A reservation for a change. One the actor may not see is reported as missing (404, never 403: a person cannot
    /// probe other people's bookings). A stale <paramref name="expectedVersion"/> (from <c>If-Match</c>) fails with 412.
    /// </summary>
    public static async Task<Reservation> LoadForChangeAsync(this IReservationsDbContext db, Guid id, ReservationActor? actor, int? expectedVersion, CancellationToken cancellationToken)
    {
        var reservation = await db.Reservations.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (reservation is null || (actor is not null && !reservation.IsVisibleTo(actor)))
        {
            throw Errors.NotFound("reservations.not_found", id);
        }

        if (expectedVersion is not null && expectedVersion.Value != reservation.Version)
        {
            throw new ConcurrencyConflictException(preconditionFailed: true);
        }

        return reservation;
    }

    public static async Task<EquipmentItem> LoadItemAsync(this IReservationsDbContext db, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var item = await db.EquipmentItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw Errors.NotFound("equipment.not_found", id);
        if (expectedVersion is not null && expectedVersion.Value != item.Version)
        {
            throw new ConcurrencyConflictException(preconditionFailed: true);
        }

        return item;
    }

    /// <summary>
    /// Reservations whose item is still out after their end: Overdue, or CheckedOut with the end passed (before the job
    /// marks it). Such an item is not available for any window until it is returned (see docs/adr/0014).
    /// </summary>
    public static IQueryable<Reservation> StillOutPastEnd(this IQueryable<Reservation> reservations, DateTimeOffset now) =>
        reservations.Where(r => (r.Status == ReservationStatus.CheckedOut || r.Status == ReservationStatus.Overdue)
            && (r.Status == ReservationStatus.Overdue || r.EndsAt <= now)); // the first term (IN (2, 6)) selects the partial index IX_Reservations_Held

    /// <summary>Active reservations of an item whose window overlaps <c>[from, to)</c>.</summary>
    public static IQueryable<Reservation> ActiveOverlapping(this IQueryable<Reservation> reservations, Guid itemId, DateTimeOffset from, DateTimeOffset to) =>
        reservations.Where(r => r.ItemId == itemId
            && (r.Status == ReservationStatus.Reserved || r.Status == ReservationStatus.CheckedOut || r.Status == ReservationStatus.Overdue)
            && r.StartsAt < to && from < r.EndsAt);
}
