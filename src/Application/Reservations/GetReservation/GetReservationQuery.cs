using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Reservations.GetReservation;

/// <summary>One reservation: the person's own, or any for the desk (another's is "not found").</summary>
public sealed record GetReservationQuery(Guid Id) : IQuery<ReservationDetails>;

internal sealed class GetReservationQueryHandler(IReservationsDbContext db, ICurrentUser currentUser, ISender sender)
    : IQueryHandler<GetReservationQuery, ReservationDetails>
{
    public async ValueTask<ReservationDetails> Handle(GetReservationQuery query, CancellationToken cancellationToken)
    {
        var actor = currentUser.ReservationActor();
        var reservation = await db.Reservations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id, cancellationToken);
        if (reservation is null || !reservation.IsVisibleTo(actor))
        {
            throw Errors.NotFound("reservations.not_found", query.Id);
        }

        return await ReservationViews.DetailsAsync(reservation, actor, db, sender, cancellationToken);
    }
}
