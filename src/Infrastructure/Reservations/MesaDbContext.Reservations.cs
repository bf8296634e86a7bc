using MesaServicios.Application.Reservations;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

public sealed partial class MesaDbContext : IReservationsDbContext
{
    public DbSet<Reservation> Reservations => Set<Reservation>();

    public DbSet<EquipmentItem> EquipmentItems => Set<EquipmentItem>();

    public DbSet<MaterialType> MaterialTypes => Set<MaterialType>();
}
