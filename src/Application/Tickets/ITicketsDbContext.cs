using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets;

/// <summary>The Tickets module's tables. Only Tickets handlers see them.</summary>
public interface ITicketsDbContext
{
    DbSet<Ticket> Tickets { get; }

    DbSet<TicketObserver> TicketObservers { get; }

    DbSet<TicketCategory> TicketCategories { get; }

    DbSet<TicketIdempotencyRecord> TicketIdempotencyRecords { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
