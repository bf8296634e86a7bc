using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Reservations;

/// <summary>The Reservations module's tables. Only Reservations handlers see them.</summary>
public interface IReservationsDbContext
{
    DbSet<Reservation> Reservations { get; }

    DbSet<EquipmentItem> EquipmentItems { get; }

    DbSet<MaterialType> MaterialTypes { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
