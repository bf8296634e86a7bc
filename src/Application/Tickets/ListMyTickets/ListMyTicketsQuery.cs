using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets.ListMyTickets;

/// <summary>The signed-in user's tickets: those he requested and those he observes, newest first.</summary>
public sealed record ListMyTicketsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<TicketListItem>>;

internal sealed class ListMyTicketsValidator : AbstractValidator<ListMyTicketsQuery>
{
    public ListMyTicketsValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

internal sealed class ListMyTicketsQueryHandler(ITicketsDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListMyTicketsQuery, PagedResult<TicketListItem>>
{
    public async ValueTask<PagedResult<TicketListItem>> Handle(ListMyTicketsQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.RequiredUserId;
        // Observed tickets are few: read their ids by the (UserId) index, then one indexed OR on the tickets.
        var observed = await db.TicketObservers.AsNoTracking()
            .Where(o => o.UserId == me && o.RemovedAt == null)
            .Select(o => o.TicketId)
            .ToListAsync(cancellationToken);
        // Most people observe nothing: then the (RequesterId, CreatedAt) index alone gives the page in order and the count.
        var mine = observed.Count == 0
            ? db.Tickets.AsNoTracking().Where(t => t.RequesterId == me)
            : db.Tickets.AsNoTracking().Where(t => t.RequesterId == me || observed.Contains(t.Id));
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Skip(TicketPaging.Skip(query.Page, query.PageSize)).Take(query.PageSize)
            .Select(TicketListItem.ProjectionAt(clock.GetUtcNow()))
            .ToListAsync(cancellationToken);
        return new PagedResult<TicketListItem>(items, query.Page, query.PageSize, total);
    }
}
