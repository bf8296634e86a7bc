using MesaServicios.Application.Reservations.Contracts;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Reservations;

/// <summary>The Reservations module's answers to other modules (see <see cref="IReservationsFacade"/>).</summary>
internal sealed class ReservationsFacade(IReservationsDbContext db) : IReservationsFacade
{
    public async Task<HeldEquipment?> GetHeldItemAsync(Guid personId, Guid itemId, CancellationToken cancellationToken) =>
        await (from r in db.Reservations.AsNoTracking()
               join i in db.EquipmentItems.AsNoTracking() on r.ItemId equals i.Id
               join t in db.MaterialTypes.AsNoTracking() on i.MaterialTypeId equals t.Id
               where r.HolderId == personId && r.ItemId == itemId
                   && (r.Status == ReservationStatus.CheckedOut || r.Status == ReservationStatus.Overdue)
               select new HeldEquipment(i.Id, i.Code, i.Name, i.MaterialTypeId, t.Name, r.Id)).FirstOrDefaultAsync(cancellationToken);
}
