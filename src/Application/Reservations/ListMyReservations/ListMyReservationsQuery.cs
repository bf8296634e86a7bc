using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Reservations.ListMyReservations;

/// <summary>My reservations, latest start first; <see cref="ActiveOnly"/> keeps Reserved, CheckedOut and Overdue.</summary>
public sealed record ListMyReservationsQuery(bool ActiveOnly = false, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<ReservationListItem>>;

internal sealed class ListMyReservationsValidator : AbstractValidator<ListMyReservationsQuery>
{
    public ListMyReservationsValidator()
    {
        RuleFor(q => q.Page).GreaterThan(0).WithMessage(_ => Messages.Get("common.invalid_value"));
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage(_ => Messages.Get("common.invalid_value"));
    }
}

internal sealed class ListMyReservationsQueryHandler(IReservationsDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListMyReservationsQuery, PagedResult<ReservationListItem>>
{
    public async ValueTask<PagedResult<ReservationListItem>> Handle(ListMyReservationsQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.RequiredUserId;
        var mine = db.Reservations.AsNoTracking().Where(r => r.HolderId == me);
        if (query.ActiveOnly)
        {
            mine = mine.Where(r => r.Status == ReservationStatus.Reserved || r.Status == ReservationStatus.CheckedOut || r.Status == ReservationStatus.Overdue);
        }

        var total = await mine.CountAsync(cancellationToken);
        var page = await db.ListItems(mine.OrderByDescending(r => r.StartsAt).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<ReservationListItem>(page, query.Page, query.PageSize, total);
    }
}
