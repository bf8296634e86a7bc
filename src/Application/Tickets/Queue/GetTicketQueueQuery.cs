using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets.Queue;

/// <summary>
/// The technician's work queue: open tickets (New, In progress, Pending) that nobody owns or that are his,
/// oldest first ("handled in the order they enter the system").
/// </summary>
public sealed record GetTicketQueueQuery(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<TicketListItem>>;

internal sealed class GetTicketQueueValidator : AbstractValidator<GetTicketQueueQuery>
{
    public GetTicketQueueValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

internal sealed class GetTicketQueueQueryHandler(ITicketsDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetTicketQueueQuery, PagedResult<TicketListItem>>
{
    public async ValueTask<PagedResult<TicketListItem>> Handle(GetTicketQueueQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.RequiredUserId;
        var queue = db.Tickets.AsNoTracking()
            .Where(t => t.Status == TicketStatus.New || t.Status == TicketStatus.InProgress || t.Status == TicketStatus.Pending)
            .Where(t => t.AssignedTechnicianId == null || t.AssignedTechnicianId == me);
        var total = await queue.CountAsync(cancellationToken);
        var items = await queue
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Skip(TicketPaging.Skip(query.Page, query.PageSize)).Take(query.PageSize)
            .Select(TicketListItem.ProjectionAt(clock.GetUtcNow()))
            .ToListAsync(cancellationToken);
        return new PagedResult<TicketListItem>(items, query.Page, query.PageSize, total);
    }
}
