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

        // One query (EXPLAIN QUERY PLAN in docs/benchmarks.md). Each item of the type is kept when a short seek on the
        // covering index (ItemId, StartsAt, EndsAt, Status) finds no active reservation starting in
        // [start − MaxDurationHours, end) that overlaps the window (no booking lasts longer, so none starting earlier can
        // overlap), and when it is not among the items still out after their end (a list built once from the small
        // partial index IX_Reservations_Held: such an item is not available for any window until returned). If the limit
        // is lowered, older longer bookings may be missed here; booking such an item is still refused by the overlap guard.
        var lookback = start - options.Value.MaxDuration;
        var reservations = db.Reservations.AsNoTracking();
        var stillOut = reservations.StillOutPastEnd(clock.GetUtcNow()).Select(r => r.ItemId);
        var items = db.EquipmentItems.AsNoTracking().Where(i => i.State == EquipmentState.Available);
        if (query.MaterialTypeId is { } type)
        {
            items = items.Where(i => i.MaterialTypeId == type);
        }

        return await (from i in items
                      join t in db.MaterialTypes.AsNoTracking() on i.MaterialTypeId equals t.Id
                      where !reservations.Any(r => r.ItemId == i.Id && r.StartsAt > lookback && r.StartsAt < end && r.EndsAt > start
                          && (r.Status == ReservationStatus.Reserved || r.Status == ReservationStatus.CheckedOut || r.Status == ReservationStatus.Overdue))
                          && !stillOut.Contains(i.Id)
                      orderby t.Name, i.Code
                      select new AvailableItem(i.Id, i.Code, i.Name, i.MaterialTypeId, t.Name, i.Location)).ToListAsync(cancellationToken);
    }
}
