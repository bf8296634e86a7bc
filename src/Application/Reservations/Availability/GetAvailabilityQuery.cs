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

internal sealed class GetAvailabilityQueryHandler(IReservationsDbContext db, TimeProvider clock, IOptions<ReservationsOptions> options)
    : IQueryHandler<GetAvailabilityQuery, IReadOnlyList<AvailableItem>>
{
    public async ValueTask<IReadOnlyList<AvailableItem>> Handle(GetAvailabilityQuery query, CancellationToken cancellationToken)
    {
        var start = query.Start!.Value;
        var end = query.End!.Value;

        // One query. The items busy in the window are found once, by a range scan of the active reservations starting in
        // [start − MaxDurationHours, end) on the covering index (StartsAt, EndsAt, Status, ItemId) — no booking lasts
        // longer, so none starting earlier can overlap — plus every item still out after its reservation ended (it is not
        // available for any window until returned). SQLite builds that set once (NOT IN over a non-correlated subquery)
        // and keeps the items not in it: no per-item seek. (If the limit is lowered, older longer bookings may be missed
        // here; booking such an item is still refused with 409 by the overlap guard.)
        var lookback = start - options.Value.MaxDuration;
        var reservations = db.Reservations.AsNoTracking();
        var busy = reservations
            .Where(r => r.StartsAt > lookback && r.StartsAt < end && r.EndsAt > start
                && (r.Status == ReservationStatus.Reserved || r.Status == ReservationStatus.CheckedOut || r.Status == ReservationStatus.Overdue))
            .Select(r => r.ItemId)
            .Concat(reservations.StillOutPastEnd(clock.GetUtcNow()).Select(r => r.ItemId));
        var items = db.EquipmentItems.AsNoTracking().Where(i => i.State == EquipmentState.Available);
        if (query.MaterialTypeId is { } type)
        {
            items = items.Where(i => i.MaterialTypeId == type);
        }

        return await (from i in items
                      join t in db.MaterialTypes.AsNoTracking() on i.MaterialTypeId equals t.Id
                      where !busy.Contains(i.Id)
                      orderby t.Name, i.Code
                      select new AvailableItem(i.Id, i.Code, i.Name, i.MaterialTypeId, t.Name, i.Location)).ToListAsync(cancellationToken);
    }
}
