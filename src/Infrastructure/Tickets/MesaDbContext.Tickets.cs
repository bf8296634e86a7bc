using MesaServicios.Application.Tickets;
using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

public sealed partial class MesaDbContext : ITicketsDbContext
{
    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketObserver> TicketObservers => Set<TicketObserver>();

    public DbSet<TicketCategory> TicketCategories => Set<TicketCategory>();

    public DbSet<TicketIdempotencyRecord> TicketIdempotencyRecords => Set<TicketIdempotencyRecord>();
}
