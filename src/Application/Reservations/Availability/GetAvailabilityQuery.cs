using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Reservations.Availability;

/// <summary>Items free for the whole window <c>[Start, End)</c>, optionally of one material type. Never says who holds the others.</summary>
public sealed record GetAvailabilityQuery(int? MaterialTypeId, DateTimeOffset? Start, DateTimeOffset? End) : IQuery<IReadOnlyList<AvailableItem>>;

public sealed record AvailableItem(Guid Id, string Code, string Name, int MaterialTypeId, string MaterialType, string? Location);

internal sealed class GetAvailabilityValidator : AbstractValidator<GetAvailabilityQuery>
{
    public const int MaxRangeDays = 92;

    public GetAvailabilityValidator()
    {
        RuleFor(q => q.Start).NotNull().WithMessage(_ => Messages.Get("reservations.start_required"));
        RuleFor(q => q.End).NotNull().WithMessage(_ => Messages.Get("reservations.end_required"));
        RuleFor(q => q.End).Must((q, end) => end > q.Start && end - q.Start <= TimeSpan.FromDays(MaxRangeDays))
            .When(q => q.Start is not null && q.End is not null)
            .WithMessage(_ => Messages.Get("reservations.range_invalid", MaxRangeDays));
    }
}

internal sealed class GetAvailabilityQueryHandler(IReservationsDbContext db, IOptions<ReservationsOptions> options) : IQueryHandler<GetAvailabilityQuery, IReadOnlyList<AvailableItem>>
{
    public async ValueTask<IReadOnlyList<AvailableItem>> Handle(GetAvailabilityQuery query, CancellationToken cancellationToken)
    {
        var start = query.Start!.Value;
        var end = query.End!.Value;

        // No booking lasts longer than Reservations:MaxDurationHours, so one that overlaps the window starts after
        // start − that: each item's check is a short range seek on (ItemId, StartsAt) instead of a scan of its whole
        // history. (If the limit is lowered, older longer bookings may be missed here; booking such an item is still
        // refused with 409 by the overlap guard.)
        var lookback = start - options.Value.MaxDuration;
        var items = db.EquipmentItems.AsNoTracking().Where(i => i.State == EquipmentState.Available);
        if (query.MaterialTypeId is { } type)
        {
            items = items.Where(i => i.MaterialTypeId == type);
        }

        return await (from i in items
                      join t in db.MaterialTypes on i.MaterialTypeId equals t.Id
                      where !db.Reservations.Any(r => r.ItemId == i.Id && r.StartsAt > lookback && r.StartsAt < end && r.EndsAt > start
                          && (r.Status == ReservationStatus.Reserved || r.Status == ReservationStatus.CheckedOut || r.Status == ReservationStatus.Overdue))
                      orderby t.Name, i.Code
                      select new AvailableItem(i.Id, i.Code, i.Name, i.MaterialTypeId, t.Name, i.Location)).ToListAsync(cancellationToken);
    }
}
