using Mediator;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Reservations.MyEquipment;

/// <summary>The items in my possession ("en su poder"): checked out to me and not yet returned (overdue included).</summary>
public sealed record GetMyEquipmentQuery : IQuery<IReadOnlyList<ReservationListItem>>;

internal sealed class GetMyEquipmentQueryHandler(IReservationsDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetMyEquipmentQuery, IReadOnlyList<ReservationListItem>>
{
    public async ValueTask<IReadOnlyList<ReservationListItem>> Handle(GetMyEquipmentQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.RequiredUserId;
        return await db.ListItems(db.Reservations.AsNoTracking()
                .Where(r => r.HolderId == me && (r.Status == ReservationStatus.CheckedOut || r.Status == ReservationStatus.Overdue))
                .OrderBy(r => r.EndsAt))
            .ToListAsync(cancellationToken);
    }
}
