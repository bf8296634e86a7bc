using MesaServicios.Application.ServiceLevels.Contracts;
using System.Globalization;
using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Domain.ServiceLevels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.ServiceLevels.Calendar;

/// <summary>A public holiday as people read it (name in the caller's language).</summary>
public sealed record HolidayDto(DateOnly Date, string Name, string DayOfWeek, HolidayRule Rule);

/// <summary>Colombian public holidays of a year (the current one by default), computed by rule.</summary>
public sealed record GetHolidaysQuery(int? Year) : IQuery<IReadOnlyList<HolidayDto>>;

/// <summary>The office's hours on one weekday (local time).</summary>
public sealed record WorkingDayDto(DayOfWeek Day, string Opens, string Closes, int Minutes);

public sealed record ClosureDto(Guid Id, DateOnly StartDate, DateOnly EndDate, string Reason, DateTimeOffset CreatedAt);

/// <summary>The business calendar: time zone, working week, closures (from today on unless asked for all).</summary>
public sealed record BusinessCalendarDto(string TimeZone, IReadOnlyList<WorkingDayDto> WorkingHours, IReadOnlyList<ClosureDto> Closures);

public sealed record GetBusinessCalendarQuery(bool IncludePast = false) : IQuery<BusinessCalendarDto>;

internal sealed class GetHolidaysValidator : AbstractValidator<GetHolidaysQuery>
{
    public GetHolidaysValidator() =>
        RuleFor(q => q.Year).InclusiveBetween(1984, 9998).WithMessage(_ => Messages.Get("servicelevels.year_invalid"));
}

internal sealed class CalendarQueryHandlers(IServiceLevelsDbContext db, TimeProvider clock, IOptions<ServiceLevelsOptions> options) :
    IQueryHandler<GetHolidaysQuery, IReadOnlyList<HolidayDto>>,
    IQueryHandler<GetBusinessCalendarQuery, BusinessCalendarDto>
{
    public ValueTask<IReadOnlyList<HolidayDto>> Handle(GetHolidaysQuery query, CancellationToken cancellationToken)
    {
        var zone = BusinessCalendar.FindZone(options.Value.TimeZone);
        var year = query.Year ?? TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).Year;
        var english = Messages.IsEnglish(CultureInfo.CurrentUICulture);
        IReadOnlyList<HolidayDto> list = ColombianHolidays.For(year)
            .Select(h => new HolidayDto(h.Date, english ? h.NameEn : h.NameEs, h.Date.DayOfWeek.ToString(), h.Rule))
            .ToList();
        return ValueTask.FromResult(list);
    }

    public async ValueTask<BusinessCalendarDto> Handle(GetBusinessCalendarQuery query, CancellationToken cancellationToken)
    {
        var week = await db.WorkingDays.AsNoTracking().ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), BusinessCalendar.FindZone(options.Value.TimeZone)).DateTime);
        var closures = await db.CalendarClosures.AsNoTracking()
            .Where(c => query.IncludePast || c.EndDate >= today)
            .OrderBy(c => c.StartDate)
            .ToListAsync(cancellationToken);
        return new BusinessCalendarDto(
            options.Value.TimeZone,
            (week.Count == 0 ? WorkingDay.DefaultWeek : week).OrderBy(d => ((int)d.Day + 6) % 7).Select(ToDto).ToList(),
            closures.Select(c => new ClosureDto(c.Id, c.StartDate, c.EndDate, c.Reason, c.CreatedAt)).ToList());
    }

    public static WorkingDayDto ToDto(WorkingDay day) => new(
        day.Day, day.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), day.Closes.ToString("HH:mm", CultureInfo.InvariantCulture), day.Minutes);
}
