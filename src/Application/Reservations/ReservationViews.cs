using Mediator;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Reservations;

/// <summary>A person named on a reservation.</summary>
public sealed record ReservationPerson(Guid Id, string Name);

/// <summary>The item of a reservation, as people read it.</summary>
public sealed record ReservationItemRef(Guid Id, string Code, string Name, int MaterialTypeId, string MaterialType);

/// <summary>A reservation as its reader may see it, with the actions he may take now. ETag = version.</summary>
public sealed record ReservationDetails(
    Guid Id,
    ReservationItemRef Item,
    ReservationPerson Holder,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Purpose,
    ReservationStatus Status,
    DateTimeOffset? CheckedOutAt,
    DateTimeOffset? ReturnedAt,
    ReturnCondition? ReturnCondition,
    string? ReturnNotes,
    DateTimeOffset? CancelledAt,
    string? CancelReason,
    int? DamageTicketId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    IReadOnlyList<ReservationAction> AllowedActions);

/// <summary>A reservation in a list.</summary>
public sealed record ReservationListItem(
    Guid Id,
    Guid ItemId,
    string ItemCode,
    string ItemName,
    string MaterialType,
    Guid HolderId,
    DateTimeOffset Start,
    DateTimeOffset End,
    ReservationStatus Status,
    string Purpose);

/// <summary>An item of the catalogue.</summary>
public sealed record EquipmentItemDetails(
    Guid Id,
    string Code,
    string Name,
    int MaterialTypeId,
    string MaterialType,
    string? Location,
    string? Notes,
    EquipmentState State,
    string? MaintenanceReason,
    int Version);

/// <summary>A material type of the admin list.</summary>
public sealed record MaterialTypeItem(int Id, string Name, bool IsActive, string? EnglishName = null);

/// <summary>Builds the views above (one query for the item, one for the people).</summary>
internal static class ReservationViews
{
    public static async Task<ReservationDetails> DetailsAsync(
        Reservation reservation, ReservationActor actor, IReservationsDbContext db, ISender sender, CancellationToken cancellationToken)
    {
        var item = await ItemRefAsync(db, reservation.ItemId, cancellationToken);
        var people = await sender.Send(new GetUserSnapshotsQuery([reservation.HolderId]), cancellationToken);
        var holder = people.FirstOrDefault();
        return new ReservationDetails(
            reservation.Id,
            item,
            new ReservationPerson(reservation.HolderId, holder?.FullName ?? string.Empty),
            reservation.StartsAt,
            reservation.EndsAt,
            reservation.Purpose,
            reservation.Status,
            reservation.CheckedOutAt,
            reservation.ReturnedAt,
            reservation.ReturnCondition,
            reservation.ReturnNotes,
            reservation.CancelledAt,
            reservation.CancelReason,
            reservation.DamageTicketId,
            reservation.CreatedAt,
            reservation.UpdatedAt,
            reservation.Version,
            reservation.AllowedActions(actor));
    }

    public static async Task<ReservationItemRef> ItemRefAsync(IReservationsDbContext db, Guid itemId, CancellationToken cancellationToken) =>
        await (from i in db.EquipmentItems.AsNoTracking()
               join t in db.MaterialTypes.AsNoTracking() on i.MaterialTypeId equals t.Id
               where i.Id == itemId
               select new ReservationItemRef(i.Id, i.Code, i.Name, i.MaterialTypeId, t.Name)).FirstAsync(cancellationToken);

    /// <summary>
    /// Reservations with their item, translated to SQL. The item's fields are read by correlated lookups (not a join)
    /// so that the order and paging of <paramref name="reservations"/> are kept as given.
    /// </summary>
    public static IQueryable<ReservationListItem> ListItems(this IReservationsDbContext db, IQueryable<Reservation> reservations) =>
        reservations.Select(r => new ReservationListItem(
            r.Id,
            r.ItemId,
            db.EquipmentItems.Where(i => i.Id == r.ItemId).Select(i => i.Code).First(),
            db.EquipmentItems.Where(i => i.Id == r.ItemId).Select(i => i.Name).First(),
            db.EquipmentItems.Where(i => i.Id == r.ItemId).Join(db.MaterialTypes, i => i.MaterialTypeId, t => t.Id, (i, t) => t.Name).First(),
            r.HolderId,
            r.StartsAt,
            r.EndsAt,
            r.Status,
            r.Purpose));

    public static IQueryable<EquipmentItemDetails> ItemDetails(this IReservationsDbContext db, IQueryable<EquipmentItem> items) =>
        from i in items
        join t in db.MaterialTypes on i.MaterialTypeId equals t.Id
        select new EquipmentItemDetails(i.Id, i.Code, i.Name, i.MaterialTypeId, t.Name, i.Location, i.Notes, i.State, i.MaintenanceReason, i.Version);
}
