using Mediator;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Reservations.DeskDay;

/// <summary>
/// The desk's day (institution's time zone; today when no date): pick-ups due (reserved, starting that day), returns
/// due (out, ending that day), every overdue item, and the reservations blocked by an overdue item (reserved, but
/// their item is still out after an earlier reservation: the desk calls the people or offers another item), with
/// the people's names.
/// </summary>
public sealed record GetDeskDayQuery(DateOnly? Date) : IQuery<DeskDay>;

/// <summary>A reservation on the desk's list, with the person's name.</summary>
public sealed record DeskDayEntry(ReservationListItem Reservation, string HolderName);

public sealed record DeskDay(
    DateOnly Date,
    IReadOnlyList<DeskDayEntry> PickUps,
    IReadOnlyList<DeskDayEntry> Returns,
    IReadOnlyList<DeskDayEntry> Overdue,
    IReadOnlyList<DeskDayEntry> BlockedByOverdue);

internal sealed class GetDeskDayQueryHandler(IReservationsDbContext db, ISender sender, TimeProvider clock, IOptions<ReservationsOptions> options)
    : IQueryHandler<GetDeskDayQuery, DeskDay>
{
    public async ValueTask<DeskDay> Handle(GetDeskDayQuery query, CancellationToken cancellationToken)
    {
        var zone = options.Value.Zone;
        var now = clock.GetUtcNow();
        var date = query.Date ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var localStart = date.ToDateTime(TimeOnly.MinValue);
        var dayStart = new DateTimeOffset(localStart, zone.GetUtcOffset(localStart));
        var dayEnd = dayStart.AddDays(1);
        var reservations = db.Reservations.AsNoTracking();

        var pickUps = await db.ListItems(reservations.Where(r => r.Status == ReservationStatus.Reserved && r.StartsAt >= dayStart && r.StartsAt < dayEnd)
            .OrderBy(r => r.StartsAt)).ToListAsync(cancellationToken);
        var returns = await db.ListItems(reservations.Where(r => r.Status == ReservationStatus.CheckedOut && r.EndsAt >= dayStart && r.EndsAt < dayEnd)
            .OrderBy(r => r.EndsAt)).ToListAsync(cancellationToken);
        var stillOut = reservations.StillOutPastEnd(now);
        var overdue = await db.ListItems(stillOut.OrderBy(r => r.EndsAt)).ToListAsync(cancellationToken);
        var blocked = await db.ListItems(reservations.Where(r => r.Status == ReservationStatus.Reserved && stillOut.Any(o => o.ItemId == r.ItemId))
            .OrderBy(r => r.StartsAt)).ToListAsync(cancellationToken);

        var ids = pickUps.Concat(returns).Concat(overdue).Concat(blocked).Select(r => r.HolderId).Distinct().ToList();
        var names = ids.Count == 0
            ? new Dictionary<Guid, string>()
            : (await sender.Send(new GetUserSnapshotsQuery(ids), cancellationToken)).ToDictionary(u => u.Id, u => u.FullName);
        IReadOnlyList<DeskDayEntry> Named(List<ReservationListItem> list) =>
            list.Select(r => new DeskDayEntry(r, names.GetValueOrDefault(r.HolderId, string.Empty))).ToList();
        return new DeskDay(date, Named(pickUps), Named(returns), Named(overdue), Named(blocked));
    }
}
