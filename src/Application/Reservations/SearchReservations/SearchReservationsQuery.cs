using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Reservations.SearchReservations;

/// <summary>The desk's search: by status, item, person and a window the reservations overlap; earliest start first.</summary>
public sealed record SearchReservationsQuery(
    IReadOnlyList<ReservationStatus> Statuses,
    Guid? ItemId,
    Guid? HolderId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<ReservationListItem>>;

internal sealed class SearchReservationsValidator : AbstractValidator<SearchReservationsQuery>
{
    public SearchReservationsValidator()
    {
        RuleFor(q => q.Page).GreaterThan(0).WithMessage(_ => Messages.Get("common.invalid_value"));
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage(_ => Messages.Get("common.invalid_value"));
        RuleFor(q => q.To).Must((q, to) => to > q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage(_ => Messages.Get("reservations.window_invalid"));
    }
}

internal sealed class SearchReservationsQueryHandler(IReservationsDbContext db)
    : IQueryHandler<SearchReservationsQuery, PagedResult<ReservationListItem>>
{
    public async ValueTask<PagedResult<ReservationListItem>> Handle(SearchReservationsQuery query, CancellationToken cancellationToken)
    {
        var found = db.Reservations.AsNoTracking();
        if (query.Statuses.Count > 0)
        {
            var statuses = query.Statuses.ToList();
            found = found.Where(r => statuses.Contains(r.Status));
        }

        if (query.ItemId is { } item)
        {
            found = found.Where(r => r.ItemId == item);
        }

        if (query.HolderId is { } holder)
        {
            found = found.Where(r => r.HolderId == holder);
        }

        if (query.From is { } from)
        {
            found = found.Where(r => r.EndsAt > from);
        }

        if (query.To is { } to)
        {
            found = found.Where(r => r.StartsAt < to);
        }

        var total = await found.CountAsync(cancellationToken);
        var page = await db.ListItems(found.OrderBy(r => r.StartsAt).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<ReservationListItem>(page, query.Page, query.PageSize, total);
    }
}
