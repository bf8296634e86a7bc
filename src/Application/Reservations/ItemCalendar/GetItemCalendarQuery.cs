using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Reservations.ItemCalendar;

/// <summary>
/// An item's busy windows (active reservations) overlapping <c>[From, To)</c>. The desk sees whose they are; a person
/// sees only that a window is taken, and which of them are his.
/// </summary>
public sealed record GetItemCalendarQuery(Guid ItemId, DateTimeOffset? From, DateTimeOffset? To) : IQuery<ItemCalendar>;

public sealed record CalendarEntry(DateTimeOffset Start, DateTimeOffset End, bool Mine, Guid? ReservationId, Guid? HolderId, string? Status);

public sealed record ItemCalendar(EquipmentItemDetails Item, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<CalendarEntry> Busy);

internal sealed class GetItemCalendarValidator : AbstractValidator<GetItemCalendarQuery>
{
    public GetItemCalendarValidator() =>
        RuleFor(q => q.To).Must((q, to) => to > q.From && to - q.From <= TimeSpan.FromDays(92))
            .When(q => q.From is not null && q.To is not null)
            .WithMessage(_ => Messages.Get("reservations.range_invalid", 92));
}

internal sealed class GetItemCalendarQueryHandler(IReservationsDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetItemCalendarQuery, ItemCalendar>
{
    public async ValueTask<ItemCalendar> Handle(GetItemCalendarQuery query, CancellationToken cancellationToken)
    {
        var actor = currentUser.ReservationActor();
        var from = query.From ?? clock.GetUtcNow();
        var to = query.To ?? from.AddDays(14);
        var item = await db.ItemDetails(db.EquipmentItems.AsNoTracking().Where(i => i.Id == query.ItemId)).FirstOrDefaultAsync(cancellationToken)
            ?? throw Errors.NotFound("equipment.not_found", query.ItemId);
        var busy = await db.Reservations.AsNoTracking().ActiveOverlapping(item.Id, from, to)
            .OrderBy(r => r.StartsAt)
            .Select(r => new { r.Id, r.StartsAt, r.EndsAt, r.HolderId, r.Status })
            .ToListAsync(cancellationToken);
        var entries = busy.Select(r =>
        {
            var mine = r.HolderId == actor.UserId;
            var shown = actor.IsDesk || mine;
            return new CalendarEntry(r.StartsAt, r.EndsAt, mine, shown ? r.Id : null, shown ? r.HolderId : null, shown ? r.Status.ToString() : null);
        }).ToList();
        return new ItemCalendar(item, from, to, entries);
    }
}
