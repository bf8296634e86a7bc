using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.ServiceLevels;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.ServiceLevels.Calendar;

/// <summary>One weekday's hours as sent by a client: <c>day</c> Monday…Sunday, times as <c>HH:mm</c>.</summary>
public sealed record WorkingDayInput(string? Day, string? Opens, string? Closes);

/// <summary>An administrator replaces the working week; days not listed are days off.</summary>
public sealed record SetWorkingHoursCommand(IReadOnlyList<WorkingDayInput>? Days) : ICommand<BusinessCalendarDto>;

/// <summary>An administrator closes the office for some days (both dates included, local dates).</summary>
public sealed record AddClosureCommand(string? StartDate, string? EndDate, string? Reason) : ICommand<ClosureDto>;

/// <summary>An administrator removes a closure (e.g. added by mistake).</summary>
public sealed record RemoveClosureCommand(Guid Id) : ICommand<Unit>;

internal sealed class SetWorkingHoursValidator : AbstractValidator<SetWorkingHoursCommand>
{
    public SetWorkingHoursValidator()
    {
        RuleFor(c => c.Days).Must(d => d is { Count: > 0 }).WithMessage(_ => Messages.Get("servicelevels.week_required"));
        RuleForEach(c => c.Days).ChildRules(day =>
        {
            day.RuleFor(d => d.Day).Must(d => CalendarInput.Day(d) is not null).WithMessage(_ => Messages.Get("servicelevels.day_invalid"));
            day.RuleFor(d => d.Opens).Must(t => CalendarInput.Time(t) is not null).WithMessage(_ => Messages.Get("servicelevels.time_invalid"));
            day.RuleFor(d => d.Closes).Must(t => CalendarInput.Time(t) is not null).WithMessage(_ => Messages.Get("servicelevels.time_invalid"))
                .Must((d, t) => CalendarInput.Time(d.Opens) is not { } opens || CalendarInput.Time(t) is not { } closes || closes > opens)
                .WithMessage(_ => Messages.Get("servicelevels.hours_order"));
        });
        RuleFor(c => c.Days).Must(d => d is null || d.Select(x => CalendarInput.Day(x.Day)).OfType<DayOfWeek>().GroupBy(x => x).All(g => g.Count() == 1))
            .WithMessage(_ => Messages.Get("servicelevels.day_repeated"));
    }
}

internal sealed class AddClosureValidator : AbstractValidator<AddClosureCommand>
{
    public AddClosureValidator()
    {
        RuleFor(c => c.StartDate).Must(d => CalendarInput.Date(d) is not null).WithMessage(_ => Messages.Get("servicelevels.date_invalid"));
        RuleFor(c => c.EndDate).Must(d => CalendarInput.Date(d) is not null).WithMessage(_ => Messages.Get("servicelevels.date_invalid"))
            .Must((c, d) => CalendarInput.Date(c.StartDate) is not { } start || CalendarInput.Date(d) is not { } end || end >= start)
            .WithMessage(_ => Messages.Get("servicelevels.closure_dates_order"))
            .Must((c, d) => CalendarInput.Date(c.StartDate) is not { } start || CalendarInput.Date(d) is not { } end || end.DayNumber - start.DayNumber < CalendarClosure.MaxDays)
            .WithMessage(_ => Messages.Get("servicelevels.closure_too_long", CalendarClosure.MaxDays));
        RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= CalendarClosure.ReasonMaxLength)
            .WithMessage(_ => Messages.Get("servicelevels.closure_reason_required"));
    }
}

/// <summary>Reads the calendar's input formats (invariant, strict).</summary>
internal static class CalendarInput
{
    public static DayOfWeek? Day(string? value) =>
        value is not null && !int.TryParse(value, out _) && Enum.TryParse<DayOfWeek>(value.Trim(), ignoreCase: true, out var day) && Enum.IsDefined(day) ? day : null;

    public static TimeOnly? Time(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

internal sealed class CalendarCommandHandlers(
    IServiceLevelsDbContext db,
    ServiceLevelCache cache,
    ICurrentUser currentUser,
    TimeProvider clock,
    ISender sender) :
    ICommandHandler<SetWorkingHoursCommand, BusinessCalendarDto>,
    ICommandHandler<AddClosureCommand, ClosureDto>,
    ICommandHandler<RemoveClosureCommand, Unit>
{
    public async ValueTask<BusinessCalendarDto> Handle(SetWorkingHoursCommand command, CancellationToken cancellationToken)
    {
        var week = command.Days!.Select(d => WorkingDay.Create(CalendarInput.Day(d.Day)!.Value, CalendarInput.Time(d.Opens)!.Value, CalendarInput.Time(d.Closes)!.Value)).ToList();

        // The promise must still hold with the new hours: no stored time to own beyond 5 of the shortest days.
        var cap = ServiceLevelTarget.PromisedBusinessDays * week.Min(d => d.Minutes);
        var stored = await db.ServiceLevelTargets.AsNoTracking().ToListAsync(cancellationToken);
        if (ServiceLevelCatalog.Effective(stored).FirstOrDefault(t => t.OwnMinutes > cap) is { } tooLong)
        {
            throw new ValidationException([new ValidationFailure("days", Messages.Get("servicelevels.targets_exceed_promise", tooLong.Urgency))]);
        }

        await db.WorkingDays.ExecuteDeleteAsync(cancellationToken);
        db.WorkingDays.AddRange(week);
        cache.Invalidate();
        await db.SaveChangesAsync(cancellationToken);
        return await sender.Send(new GetBusinessCalendarQuery(), cancellationToken);
    }

    public async ValueTask<ClosureDto> Handle(AddClosureCommand command, CancellationToken cancellationToken)
    {
        var closure = CalendarClosure.Create(
            CalendarInput.Date(command.StartDate)!.Value, CalendarInput.Date(command.EndDate)!.Value, command.Reason!, currentUser.RequiredUserId, clock.GetUtcNow());
        db.CalendarClosures.Add(closure);
        cache.Invalidate();
        await db.SaveChangesAsync(cancellationToken);
        return new ClosureDto(closure.Id, closure.StartDate, closure.EndDate, closure.Reason, closure.CreatedAt);
    }

    public async ValueTask<Unit> Handle(RemoveClosureCommand command, CancellationToken cancellationToken)
    {
        var closure = await db.CalendarClosures.FirstOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw Errors.NotFound("servicelevels.closure_not_found", command.Id);
        db.CalendarClosures.Remove(closure);
        cache.Invalidate();
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
