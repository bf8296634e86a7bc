using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets;

/// <summary>Who acts, and loading a ticket the way every command needs it.</summary>
internal static class TicketAccess
{
    /// <summary>The signed-in user as a ticket actor (desk = technician or administrator).</summary>
    public static TicketActor Actor(this ICurrentUser currentUser) =>
        new(currentUser.RequiredUserId, currentUser.IsAtLeast(UserRole.Technician));

    /// <summary>
    /// Loads the whole aggregate for a change. A ticket the actor may not see is reported as missing (404, never
    /// 403: a requester cannot probe other people's tickets). A stale <paramref name="expectedVersion"/> (from
    /// <c>If-Match</c>) fails with 412.
    /// </summary>
    public static async Task<Ticket> LoadForChangeAsync(this ITicketsDbContext db, int ticketId, TicketActor? actor, int? expectedVersion, CancellationToken cancellationToken)
    {
        var ticket = await db.LoadAggregateAsync(ticketId, cancellationToken);
        if (ticket is null || (actor is not null && !ticket.IsVisibleTo(actor)))
        {
            throw Errors.NotFound("tickets.not_found", ticketId);
        }

        if (expectedVersion is not null && expectedVersion.Value != ticket.Version)
        {
            throw new ConcurrencyConflictException(preconditionFailed: true);
        }

        return ticket;
    }

    /// <summary>
    /// The ticket with all its parts, tracked. Each collection is read by its own indexed query (no cartesian
    /// product) and attached to the ticket by the change tracker.
    /// </summary>
    public static async Task<Ticket?> LoadAggregateAsync(this ITicketsDbContext db, int ticketId, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var one = db.Tickets.Where(t => t.Id == ticketId);
        await one.SelectMany(t => t.FollowUps).LoadAsync(cancellationToken);
        await one.SelectMany(t => t.Solutions).LoadAsync(cancellationToken);
        await one.SelectMany(t => t.History).LoadAsync(cancellationToken);
        await one.SelectMany(t => t.Observers).LoadAsync(cancellationToken);
        await one.SelectMany(t => t.Attachments).LoadAsync(cancellationToken);
        return ticket;
    }

    /// <summary>Tickets a non-desk user may see: those he requested or observes (observer ids read once, by index).</summary>
    public static async Task<IQueryable<Ticket>> VisibleToAsync(this ITicketsDbContext db, TicketActor actor, CancellationToken cancellationToken)
    {
        var tickets = db.Tickets.AsNoTracking();
        if (actor.IsDesk)
        {
            return tickets;
        }

        var observed = await db.TicketObservers.AsNoTracking()
            .Where(o => o.UserId == actor.UserId && o.RemovedAt == null)
            .Select(o => o.TicketId)
            .ToListAsync(cancellationToken);
        return tickets.Where(t => t.RequesterId == actor.UserId || observed.Contains(t.Id));
    }
}
